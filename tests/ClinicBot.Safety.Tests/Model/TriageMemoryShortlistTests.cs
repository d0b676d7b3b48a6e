using ClinicBot.Embeddings;
using ClinicBot.Safety.Triage;
using ClinicBot.Safety.Triage.Model;
using ClinicBot.Testing;
using ClinicBot.Training.Corpus;
using Xunit.Abstractions;

namespace ClinicBot.Safety.Tests.Model;

/// <summary>
/// The shipped memory read through its sign shortlist (<see cref="TriageMemory.Shortlist"/>) votes as the whole memory
/// does, on the vectors triage really reads: the validation split's messages and their sentences, embedded as the
/// classifier embeds them.
/// </summary>
public sealed class TriageMemoryShortlistTests(ITestOutputHelper output)
{
    private static readonly string Safety = Path.Combine(RepositoryPaths.Prompts, "safety");

    [Fact]
    public void Votes_ThroughTheShortlist_AreTheWholeMemorysOnValidationMessages()
    {
        var model = TriageModel.Load(Safety) ?? throw new InvalidOperationException("No triage model.");
        var memory = model.Memory ?? throw new InvalidOperationException("The model has no memory.");
        var classifier = TriageClassifier.Load(Safety);
        var messages = TriageCorpus.Read(Path.Combine(Safety, "examples")).Examples
            .Where(e => TriageCorpus.IsValidation(e) && e.ConversationId is null)
            .Where((_, i) => i % 16 == 0)
            .ToList();
        var vectors = messages.SelectMany(m =>
        {
            var (whole, parts) = classifier.FeaturizeParts(model.File, m.Text, m.Locale, model.NGrams, SentenceEmbedder.Shared);
            return parts.Select(p => p.Embedding).Prepend(whole.Embedding);
        }).ToList();

        var exact = memory.Votes(vectors, shortlist: memory.Count);
        var shortlisted = memory.Votes(vectors);

        var apart = Enumerable.Range(0, vectors.Count).Count(v => model.Routes.Any(r => Math.Abs(exact[v][r] - shortlisted[v][r]) > 0.01));
        output.WriteLine($"shortlist of {TriageMemory.Shortlist} of {memory.Count}: {apart} of {vectors.Count} vectors vote otherwise than the whole memory");
        Assert.True(apart <= vectors.Count / 100, $"{apart} of {vectors.Count} vectors vote otherwise through the shortlist");
    }
}

using ClinicBot.Safety.Triage.Model;
using ClinicBot.Testing;
using ClinicBot.Training.Corpus;

namespace ClinicBot.Safety.Tests.Training;

public sealed class TriageModelFreshnessTests
{
    [Fact]
    public void TriageModel_CorpusHash_MatchesTheExamples()
    {
        var safety = Path.Combine(RepositoryPaths.Prompts, "safety");
        var model = TriageModel.Load(safety);

        Assert.NotNull(model);
        Assert.True(
            model.File.CorpusSha256 == TriageCorpus.TrainingInputsHash(safety),
            "prompts/safety/examples or gloss/es.yaml changed since the model was trained: run `dotnet run --project src/ClinicBot.Cli -- train triage`.");
    }

    [Fact]
    public void TriageCorpus_Examples_MeetTheCorpusTargets()
    {
        var corpus = TriageCorpus.Read(Path.Combine(RepositoryPaths.Prompts, "safety", "examples"));
        var messages = corpus.Examples.Where(e => e.ConversationId is null).ToList();
        var conversations = corpus.Examples.Select(e => e.ConversationId).OfType<string>().Distinct().Count();

        Assert.True(messages.Count >= 4000, $"{messages.Count} messages");
        Assert.True(messages.Count(e => e.Locale == "en") >= messages.Count * 0.70, "English < 70 %");
        Assert.True(messages.Count(e => e.Locale == "es") >= messages.Count * 0.20, "Spanish < 20 %");
        Assert.True(conversations >= 300, $"{conversations} conversations");
    }
}

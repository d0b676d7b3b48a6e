using ClinicBot.Embeddings;
using ClinicBot.Safety.Triage;
using ClinicBot.Testing;
using ClinicBot.Training.Fitting;

namespace ClinicBot.Safety.Tests.Training;

/// <summary>Training on a small corpus in a copy of the rules folder: same examples, same file; the model learns them.</summary>
public sealed class TriageTrainerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "clinicbot-train-" + Guid.NewGuid().ToString("N"));

    public TriageTrainerTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "examples"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Prompts, "safety"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
        }

        // Every tenth line of each example file: a few hundred messages, enough to learn from in seconds.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Prompts, "safety", "examples"), "*.jsonl"))
        {
            var lines = File.ReadLines(file).Where((_, i) => i % 10 == 0);
            File.WriteAllLines(Path.Combine(_directory, "examples", Path.GetFileName(file)), lines);
        }
    }

    [Fact]
    public void Train_SameExamples_WritesTheSameModel()
    {
        var trainer = new TriageTrainer(SentenceEmbedder.Shared, TextWriter.Null);
        trainer.Train(_directory);
        var first = File.ReadAllText(Path.Combine(_directory, "triage-model.json"));
        trainer.Train(_directory);
        var second = File.ReadAllText(Path.Combine(_directory, "triage-model.json"));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Train_SmallCorpus_ModelReadsCrisisItWasNeverShownWordForWord()
    {
        new TriageTrainer(SentenceEmbedder.Shared, TextWriter.Null).Train(_directory);
        var classifier = TriageClassifier.Load(_directory);

        var result = classifier.Classify("i honestly dont see a way out anymore, everyone would be fine without me around", "en");

        Assert.True(classifier.HasModel);
        Assert.Equal(TriageRoute.Crisis, result.Route);
        Assert.Contains(result.Reasons, r => r.StartsWith("model.crisis:", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

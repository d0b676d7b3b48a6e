using System.Text.Json;
using ClinicBot.Embeddings;
using ClinicBot.Safety.Triage;
using ClinicBot.Safety.Triage.Model;
using ClinicBot.Testing;
using Guard = ClinicBot.Safety.OutputGuard.OutputGuard;

namespace ClinicBot.Safety.Tests;

/// <summary>The repository's real rule files, compiled once for all tests (loading is the slow part).</summary>
internal static class SafetyRuleFiles
{
    private static readonly Lazy<TriageClassifier> LazyClassifier = new(() => TriageClassifier.Load(Directory));
    private static readonly Lazy<Guard> LazyGuard = new(() => Guard.Load(Directory));

    public static string Directory => Path.Combine(RepositoryPaths.Prompts, "safety");

    public static TriageClassifier Classifier => LazyClassifier.Value;

    public static Guard Guard => LazyGuard.Value;

    /// <summary>The same rules with the shipped model under a threshold a test sets (how a decision depends on it).</summary>
    public static TriageClassifier WithThresholds(Action<TriageModelFile> set)
    {
        var file = JsonSerializer.Deserialize<TriageModelFile>(File.ReadAllBytes(Path.Combine(Directory, TriageModelFile.FileName)), TriageModelFile.Json)!;
        set(file);
        return Classifier.WithModel(new TriageModel(file), SentenceEmbedder.Shared);
    }
}

using ClinicBot.Safety.Triage;
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
}

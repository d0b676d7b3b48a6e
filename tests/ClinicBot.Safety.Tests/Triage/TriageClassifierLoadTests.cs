using ClinicBot.Safety.Triage;

namespace ClinicBot.Safety.Tests.Triage;

/// <summary>Rule files are data a clinician edits: a typo must fail start-up with a message that says where it is.</summary>
public sealed class TriageClassifierLoadTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "clinicbot-safety-" + Guid.NewGuid().ToString("N"));

    public TriageClassifierLoadTests()
    {
        Directory.CreateDirectory(_directory);
        foreach (var file in Directory.EnumerateFiles(SafetyRuleFiles.Directory, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_RepositoryRules_Succeeds()
    {
        var classifier = TriageClassifier.Load(_directory);

        Assert.Equal(TriageRoute.Crisis, classifier.Precedence[0]);
    }

    [Fact]
    public void Load_InvalidRegex_ThrowsNamingFileAndRule()
    {
        WriteRuleFile("broken.yaml", "'\\b(unclosed group'");

        var error = Assert.Throws<InvalidDataException>(() => TriageClassifier.Load(_directory));

        Assert.Contains("broken.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("human.test_rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PatternMatchingEmptyText_ThrowsNamingFileAndRule()
    {
        WriteRuleFile("greedy.yaml", "'(anything)?'");

        var error = Assert.Throws<InvalidDataException>(() => TriageClassifier.Load(_directory));

        Assert.Contains("greedy.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("human.test_rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateRuleId_ThrowsNamingBothFiles()
    {
        File.WriteAllText(Path.Combine(_directory, "copy.yaml"), "route: crisis\nresponse: crisis\nrules:\n  - id: crisis.self_harm\n    phrases: [x]\n");

        var error = Assert.Throws<InvalidDataException>(() => TriageClassifier.Load(_directory));

        Assert.Contains("crisis.self_harm", error.Message, StringComparison.Ordinal);
        Assert.Contains("copy.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKey_ThrowsNamingFile()
    {
        File.WriteAllText(Path.Combine(_directory, "typo.yaml"), "route: human\nresponse: human\nrules:\n  - id: human.typo\n    phrasse: [call me]\n");

        var error = Assert.Throws<InvalidDataException>(() => TriageClassifier.Load(_directory));

        Assert.Contains("typo.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OverrulableCrisisRuleThatIsNotACrisisRule_ThrowsNamingIt()
    {
        var triage = Path.Combine(_directory, "triage.yaml");
        File.WriteAllText(triage, File.ReadAllText(triage).Replace("  - crisis.self_harm\n", "  - human.self_harm\n", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => TriageClassifier.Load(_directory));

        Assert.Contains("model_may_overrule_crisis", error.Message, StringComparison.Ordinal);
        Assert.Contains("human.self_harm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PrecedenceNotStartingWithCrisis_Throws()
    {
        File.WriteAllText(Path.Combine(_directory, "triage.yaml"), "precedence: [injection, crisis, clinical, human, out_of_scope, smalltalk]\n");

        var error = Assert.Throws<InvalidDataException>(() => TriageClassifier.Load(_directory));

        Assert.Contains("crisis", error.Message, StringComparison.Ordinal);
    }

    private void WriteRuleFile(string name, string pattern) =>
        File.WriteAllText(
            Path.Combine(_directory, name),
            $"route: human\nresponse: human\nrules:\n  - id: human.test_rule\n    # a test rule\n    patterns: [{pattern}]\n");
}

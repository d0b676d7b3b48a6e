using ClinicBot.Safety.Triage;
using ClinicBot.Testing;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClinicBot.Safety.Tests.Triage;

/// <summary>
/// Realistic messages written apart from the dev set (idioms, leetspeak, negations, third parties, Spanish, SMS
/// misspellings, questions about a condition), so the rules are checked on wording they were not tuned to.
/// A clinician adds a case by adding a row to <c>Cases/*.yaml</c>.
/// </summary>
public sealed class TriageClassifierHardCaseTests
{
    public static IEnumerable<object[]> Cases =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests", "ClinicBot.Safety.Tests", "Cases"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .Build()
                .Deserialize<List<HardCase>>(File.ReadAllText(file)))
            .Select(c => new object[] { c.Id, c.Text, c.Locale, c.Route });

    [Fact]
    public void Cases_HardCaseFiles_HaveAtLeastFortyUniqueRows()
    {
        var ids = Cases.Select(row => (string)row[0]).ToList();

        Assert.True(ids.Count >= 40, $"only {ids.Count} hard cases");
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_HardCase_ReturnsExpectedRoute(string id, string text, string locale, string route)
    {
        var expected = route switch
        {
            "crisis" => TriageRoute.Crisis,
            "clinical" => TriageRoute.Clinical,
            "human" => TriageRoute.Human,
            "injection" => TriageRoute.Injection,
            "out_of_scope" => TriageRoute.OutOfScope,
            "smalltalk" => TriageRoute.Smalltalk,
            "education" => TriageRoute.Education,
            _ => throw new InvalidDataException($"{id}: unknown route '{route}'"),
        };

        var result = SafetyRuleFiles.Classifier.Classify(text, locale);

        Assert.True(expected == result.Route, $"{id}: expected {expected}, got {result.Route} [{string.Join(", ", result.Reasons)}] for \"{text}\"");
    }
}

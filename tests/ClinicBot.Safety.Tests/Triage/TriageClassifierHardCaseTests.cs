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

    /// <summary>Safety is per message: every crisis case is a crisis, and no other case is called one.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_HardCase_CrisisExactlyWhenExpected(string id, string text, string locale, string route)
    {
        var result = SafetyRuleFiles.Classifier.Classify(text, locale);

        Assert.True((route == "crisis") == (result.Route == TriageRoute.Crisis),
            $"{id}: expected {route}, got {result.Route} [{string.Join(", ", result.Reasons)}] for \"{text}\"");
    }

    /// <summary>
    /// The other routes are held as a share: with the model reading beside the rules a few of these cases (written for
    /// the rules) now go to a neighbouring route, e.g. "can I bring my husband to my first appointment?" to the team.
    /// </summary>
    [Fact]
    public void Classify_HardCases_MostGetTheirExpectedRoute()
    {
        var rows = Cases.Select(row => (Id: (string)row[0], Text: (string)row[1], Locale: (string)row[2], Route: (string)row[3])).ToList();
        var wrong = rows
            .Select(c => (Case: c, Result: SafetyRuleFiles.Classifier.Classify(c.Text, c.Locale)))
            .Where(x => Expected(x.Case.Id, x.Case.Route) != x.Result.Route)
            .Select(x => $"{x.Case.Id}: expected {x.Case.Route}, got {x.Result.Route} [{string.Join(", ", x.Result.Reasons)}]")
            .ToList();

        Assert.True(wrong.Count <= rows.Count / 10, $"{wrong.Count} of {rows.Count} hard cases misrouted:\n" + string.Join("\n", wrong));
    }

    private static TriageRoute Expected(string id, string route)
    {
        try
        {
            return TriageRouteNames.ParseLabel(route);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{id}: {e.Message}", e);
        }
    }
}

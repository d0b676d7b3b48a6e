using System.Text;
using ClinicBot.Safety.Triage;
using ClinicBot.Testing.DevSet;
using Xunit.Abstractions;

namespace ClinicBot.Safety.Tests.Triage;

public sealed class TriageClassifierDevSetTests(ITestOutputHelper output)
{
    private static readonly string[] Categories = ["crisis", "clinical", "human", "injection", "out_of_scope", "smalltalk", "education", "unanswerable"];

    public static IEnumerable<object[]> CrisisCases => DevSetLoader.Rows("crisis");

    [Fact]
    public void Classify_AllDevSetCases_MeetsRoutingTargets()
    {
        var results = DevSetLoader.All
            .Select(c => (Case: c, Result: SafetyRuleFiles.Classifier.Classify(c.Text, c.Locale)))
            .ToList();
        output.WriteLine(ConfusionMatrix(results));
        foreach (var (c, r) in results.Where(x => x.Result.Route != Expected(x.Case.Category)))
        {
            output.WriteLine($"MISROUTED {c.Id} ({c.Category} -> {r.Route} [{string.Join(", ", r.Reasons)}]): {c.Text}");
        }

        double Share(string category, TriageRoute route)
        {
            var cases = results.Where(x => x.Case.Category == category).ToList();
            return cases.Count(x => x.Result.Route == route) / (double)cases.Count;
        }

        int Count(Func<(DevSetCase Case, TriageResult Result), bool> predicate) => results.Count(predicate);

        Assert.Equal(1.0, Share("crisis", TriageRoute.Crisis));
        Assert.True(Count(x => x.Case.Category != "crisis" && x.Result.Route == TriageRoute.Crisis) <= 1, "more than 1 non-crisis case routed crisis");
        Assert.True(Share("clinical", TriageRoute.Clinical) >= 0.95, "clinical < 95%");
        Assert.True(Share("human", TriageRoute.Human) >= 0.90, "human < 90%");
        Assert.Equal(0, Count(x => x.Case.Category is "injection" or "out_of_scope" && x.Result.Route == TriageRoute.Education));
        Assert.True(Share("education", TriageRoute.Education) >= 0.95, "education < 95%");
        Assert.True(Share("unanswerable", TriageRoute.Education) >= 0.90, "unanswerable < 90%");
        Assert.True(Share("smalltalk", TriageRoute.Smalltalk) >= 0.90, "smalltalk < 90%");
    }

    [Theory]
    [MemberData(nameof(CrisisCases))]
    public void Classify_DevSetCrisisCase_ReturnsCrisisWithReasons(DevSetCase devCase)
    {
        var result = SafetyRuleFiles.Classifier.Classify(devCase.Text, devCase.Locale);

        Assert.Equal(TriageRoute.Crisis, result.Route);
        Assert.Equal("crisis", result.ResponseKey);
        Assert.NotEmpty(result.Reasons);
    }

    [Fact]
    public void Classify_SameMessageTwice_ReturnsSameResult()
    {
        foreach (var devCase in DevSetLoader.All)
        {
            var first = SafetyRuleFiles.Classifier.Classify(devCase.Text, devCase.Locale);
            var second = SafetyRuleFiles.Classifier.Classify(devCase.Text, devCase.Locale);
            Assert.Equal(first.Route, second.Route);
            Assert.Equal(first.Reasons, second.Reasons);
        }
    }

    private static TriageRoute Expected(string category) => category switch
    {
        "crisis" => TriageRoute.Crisis,
        "clinical" => TriageRoute.Clinical,
        "human" => TriageRoute.Human,
        "injection" => TriageRoute.Injection,
        "out_of_scope" => TriageRoute.OutOfScope,
        "smalltalk" => TriageRoute.Smalltalk,
        _ => TriageRoute.Education,
    };

    private static string ConfusionMatrix(List<(DevSetCase Case, TriageResult Result)> results)
    {
        var routes = Enum.GetValues<TriageRoute>();
        var text = new StringBuilder();
        text.Append($"{"expected \\ routed",-18}");
        foreach (var route in routes) text.Append($"{route,11}");
        text.AppendLine($"{"correct",10}");
        foreach (var category in Categories)
        {
            var rows = results.Where(x => x.Case.Category == category).ToList();
            text.Append($"{category,-18}");
            foreach (var route in routes) text.Append($"{rows.Count(x => x.Result.Route == route),11}");
            text.AppendLine($"{rows.Count(x => x.Result.Route == Expected(category)),6}/{rows.Count}");
        }

        return text.ToString();
    }
}

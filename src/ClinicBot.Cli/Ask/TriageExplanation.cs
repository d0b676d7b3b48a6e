using System.Globalization;
using ClinicBot.Safety.Triage;

namespace ClinicBot.Cli.Ask;

/// <summary>The triage part of <c>ask --explain</c>: the route, the rules that matched and the model's probabilities.</summary>
internal static class TriageExplanation
{
    public static IEnumerable<string> Lines(TriageClassifier triage, string question, string? locale)
    {
        var result = triage.Classify(question, locale ?? "en");
        var rules = triage.Rules.Classify(question, locale ?? "en");
        yield return $"triage: {TriageRouteNames.Label(result.Route)}  ({string.Join(", ", result.Reasons)})";
        yield return $"  rules: {TriageRouteNames.Label(rules.Route)}{(rules.Reasons.Count > 0 ? "  " + string.Join(", ", rules.Reasons) : "")}";
        if (result.Scores is not { } scores)
        {
            yield return "  model: none (no prompts/safety/triage-model.json)";
            yield break;
        }

        var probabilities = Enum.GetValues<TriageRoute>()
            .Select(r => (Route: r, P: scores[r]))
            .OrderByDescending(p => p.P)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{TriageRouteNames.Label(p.Route)} {p.P:0.00}"));
        yield return "  model: " + string.Join(", ", probabilities);
    }
}

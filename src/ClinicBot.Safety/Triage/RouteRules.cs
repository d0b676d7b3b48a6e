using System.Text.RegularExpressions;
using ClinicBot.Safety.Rules;

namespace ClinicBot.Safety.Triage;

/// <summary>One route's compiled rules, with a combined first-pass expression and the text it must ignore.</summary>
internal sealed class RouteRules(TriageRoute route, IReadOnlyList<CompiledRule> rules, Regex? exclusions)
{
    private readonly Regex _any = RuleCompiler.Any(rules);

    public TriageRoute Route { get; } = route;

    public TriageResult? Match(string normalized)
    {
        // Idioms and negations ("dying to book", "no thoughts of hurting myself") are blanked out, not deleted,
        // so the words on either side do not join into a new phrase.
        var subject = exclusions is null ? normalized : exclusions.Replace(normalized, " . ");
        if (!_any.IsMatch(subject)) return null;

        List<string>? reasons = null;
        string? responseKey = null;
        foreach (var rule in rules)
        {
            if (!rule.IsMatch(subject)) continue;
            (reasons ??= []).Add(rule.Id);
            responseKey ??= rule.ResponseKey;
        }

        return reasons is null ? null : new TriageResult(Route, reasons, responseKey!);
    }
}

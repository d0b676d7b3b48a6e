using System.Text.RegularExpressions;
using ClinicBot.Safety.Rules;

namespace ClinicBot.Safety.Triage;

/// <summary>One route's compiled rules and the wording (exclusions) they must ignore.</summary>
internal sealed class RouteRules(TriageRoute route, RuleGroup rules, IReadOnlyList<Regex> exclusions)
{
    public TriageRoute Route { get; } = route;

    public TriageResult? Match(string normalized)
    {
        // Idioms and negations ("dying to book", "no thoughts of hurting myself") are blanked out, not deleted,
        // so the words on either side do not join into a new phrase.
        var subject = normalized;
        foreach (var exclusion in exclusions) subject = exclusion.Replace(subject, " . ");

        var matches = rules.Matches(subject);
        return matches is null ? null : new TriageResult(Route, matches.Select(r => r.Id).ToList(), matches[0].ResponseKey);
    }
}

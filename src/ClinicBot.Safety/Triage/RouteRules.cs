using System.Text.RegularExpressions;
using ClinicBot.Safety.Rules;

namespace ClinicBot.Safety.Triage;

/// <summary>One route's compiled rules and the wording (exclusions) they must ignore.</summary>
internal sealed class RouteRules(TriageRoute route, RuleGroup rules, IReadOnlyList<Regex> exclusions)
{
    public TriageRoute Route { get; } = route;

    /// <param name="normalized">The normalised message.</param>
    /// <param name="excluded">Whether an exclusion of this route blanked out part of the message.</param>
    public TriageResult? Match(string normalized, out bool excluded)
    {
        // Idioms and negations ("dying to book", "no thoughts of hurting myself") are blanked out, not deleted,
        // so the words on either side do not join into a new phrase.
        var subject = normalized;
        foreach (var exclusion in exclusions) subject = exclusion.Replace(subject, " . ");
        excluded = !ReferenceEquals(subject, normalized) && subject != normalized;

        var matches = rules.Matches(subject);
        return matches is null ? null : new TriageResult(Route, matches.Select(r => r.Id).ToList(), matches[0].ResponseKey);
    }
}

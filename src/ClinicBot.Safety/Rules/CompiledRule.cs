using System.Text.RegularExpressions;

namespace ClinicBot.Safety.Rules;

/// <summary>A rule ready to run: its phrases and patterns are one regular expression, built once at start-up.</summary>
internal sealed class CompiledRule(string id, Regex match, Regex? requires, Regex? unless, string responseKey)
{
    public string Id { get; } = id;

    public string ResponseKey { get; } = responseKey;

    public Regex Match { get; } = match;

    public bool IsMatch(string normalized) =>
        Match.IsMatch(normalized)
        && (requires is null || requires.IsMatch(normalized))
        && (unless is null || !unless.IsMatch(normalized));
}

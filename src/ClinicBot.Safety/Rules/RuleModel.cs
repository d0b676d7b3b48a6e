namespace ClinicBot.Safety.Rules;

/// <summary>One rule as written in YAML: it matches when any phrase or pattern matches, <see cref="Requires"/> (if any) also matches, and <see cref="Unless"/> does not.</summary>
internal sealed class RuleModel : MatcherModel
{
    public string? Id { get; set; }

    /// <summary>Overrides the file's response key (smalltalk rules each have their own reply).</summary>
    public string? Response { get; set; }

    public MatcherModel? Requires { get; set; }

    public MatcherModel? Unless { get; set; }

    /// <summary>Exclusions only: the routes whose matching ignores this text.</summary>
    public List<string>? AppliesTo { get; set; }
}

namespace ClinicBot.Safety.Rules;

/// <summary>A rule ready to run, built once at start-up.</summary>
internal sealed class CompiledRule(string id, string responseKey, RuleMatcher match, RuleMatcher? requires, RuleMatcher? unless)
{
    public string Id { get; } = id;

    public string ResponseKey { get; } = responseKey;

    public bool IsMatch(string subject, ReadOnlySpan<bool> phraseHits) =>
        match.IsMatch(subject, phraseHits)
        && (requires is null || requires.IsMatch(subject, phraseHits))
        && (unless is null || !unless.IsMatch(subject, phraseHits));
}

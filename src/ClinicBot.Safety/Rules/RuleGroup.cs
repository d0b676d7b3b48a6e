namespace ClinicBot.Safety.Rules;

/// <summary>Rules that are tried together on one text (a triage route, or the output guard), sharing one phrase index.</summary>
internal sealed class RuleGroup(PhraseIndex phrases, IReadOnlyList<CompiledRule> rules)
{
    // Above this many slots the hit array goes on the heap; rule groups are far smaller.
    private const int StackLimit = 512;

    public IReadOnlyList<CompiledRule> Rules { get; } = rules;

    /// <summary>The rules that match <paramref name="subject"/> (normalised text), in file order.</summary>
    public List<CompiledRule>? Matches(string subject, bool firstOnly = false)
    {
        Span<bool> hits = phrases.SlotCount <= StackLimit ? stackalloc bool[phrases.SlotCount] : new bool[phrases.SlotCount];
        phrases.Mark(subject.Split(' '), hits);

        List<CompiledRule>? matches = null;
        foreach (var rule in Rules)
        {
            if (!rule.IsMatch(subject, hits)) continue;
            (matches ??= []).Add(rule);
            if (firstOnly) break;
        }

        return matches;
    }
}

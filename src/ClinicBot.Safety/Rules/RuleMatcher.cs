using System.Text.RegularExpressions;

namespace ClinicBot.Safety.Rules;

/// <summary>One part of a rule (its main list, "requires" or "unless"): phrases found through the group's
/// <see cref="PhraseIndex"/> slot, patterns through one regular expression.</summary>
internal sealed class RuleMatcher(int? phraseSlot, Regex? patterns)
{
    public bool IsMatch(string subject, ReadOnlySpan<bool> phraseHits) =>
        (phraseSlot is { } slot && phraseHits[slot]) || (patterns is not null && patterns.IsMatch(subject));
}

using System.Text.RegularExpressions;

namespace ClinicBot.Safety.Rules;

/// <summary>One part of a rule (its main list, "requires" or "unless"): phrases found through the group's
/// <see cref="PhraseIndex"/> slot, patterns through one regular expression.</summary>
internal sealed class RuleMatcher(int? phraseSlot, Regex? patterns)
{
    /// <summary>
    /// Whether the part matches. Patterns that run out of time (a clinician's pattern that backtracks badly, or a thread
    /// starved on a busy machine) count as not matched rather than failing the message: the other rules and the model
    /// still read it, and an "unless" that could not be read does not hold a crisis rule back.
    /// </summary>
    public bool IsMatch(string subject, ReadOnlySpan<bool> phraseHits) =>
        (phraseSlot is { } slot && phraseHits[slot]) || (patterns is not null && PatternsMatch(subject));

    private bool PatternsMatch(string subject)
    {
        try
        {
            return patterns!.IsMatch(subject);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}

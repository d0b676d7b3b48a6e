using ClinicBot.Safety.Triage;

namespace ClinicBot.Conversations.Turns;

/// <summary>
/// Whether a message is crisis content by the triage rules alone, for a channel that must decide before a turn whether
/// a message is one of its keywords (SMS: "STOP" with crisis words is crisis, not an opt-out). The model's reading of
/// one word is noise, so only the rules are asked. A crisis message still goes through <see cref="TurnPipeline"/>.
/// </summary>
public sealed class CrisisCheck(TriageClassifier triage)
{
    /// <summary>True when the triage rules route <paramref name="text"/> to crisis in <paramref name="locale"/>.</summary>
    public bool ByRules(string text, string locale) => triage.Rules.Classify(text, locale).Route == TriageRoute.Crisis;

    /// <summary>
    /// True when triage, rules and model, routes <paramref name="text"/> read alone to crisis: what a gate in front of the
    /// turn (the rate limiter) asks so that it never turns a crisis away. The message's vector stays in the embedder's
    /// cache, so the turn that follows does not compute it again.
    /// </summary>
    public bool ByTriage(string text, string locale) => triage.Classify(text, locale).Route == TriageRoute.Crisis;
}

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
}

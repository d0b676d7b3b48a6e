using ClinicBot.Safety.Triage;

namespace ClinicBot.Training.Corpus;

/// <summary>One labelled patient message, with the patient's earlier messages when it comes from a conversation.</summary>
/// <param name="Text">The message as typed.</param>
/// <param name="Label">Its route label as written in the file (<c>unanswerable</c> is kept; triage reads it as education).</param>
/// <param name="Channel">web or sms.</param>
/// <param name="Locale">en or es.</param>
/// <param name="Previous">The patient's earlier messages, oldest first (empty for a single message).</param>
/// <param name="Source">File and line (or conversation id and turn) it came from.</param>
public sealed record TriageExample(string Text, string Label, string Channel, string Locale, IReadOnlyList<string> Previous, string Source)
{
    /// <summary>The triage route of the label.</summary>
    public TriageRoute Route { get; } = TriageRouteNames.ParseLabel(Label);

    /// <summary>The conversation it belongs to, or null for a single message.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Whether this turn is the conversation's first crisis turn.</summary>
    public bool IsCrisisOnset { get; init; }

    /// <summary>
    /// Whether the label holds for the message read on its own: every single message and every turn up to a crisis
    /// onset, not the later turns of a crisis conversation ("ok", "thanks anyway"), which are crisis because of what came before.
    /// </summary>
    public bool LabelHoldsAlone => ConversationId is null || Route != TriageRoute.Crisis || IsCrisisOnset;
}

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
    /// Whether the label holds for the message read on its own: every single message, the first turn of a conversation
    /// and a crisis onset. Not the other later turns, which are labelled given the turns before them: "ok" or "thanks
    /// anyway" in a crisis conversation, "how?" or "who does" after a question about the therapy.
    /// </summary>
    public bool LabelHoldsAlone => ConversationId is null || IsFirstTurn || IsCrisisOnset;

    /// <summary>Whether this is the first turn of its conversation (a single message is not a turn).</summary>
    public bool IsFirstTurn => ConversationId is not null && Previous.Count == 0;
}

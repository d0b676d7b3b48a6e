using ClinicBot.Prompts;

namespace ClinicBot.Conversations.Escalations;

/// <summary>An escalation to persist: the conversation that needs staff and why.</summary>
/// <param name="ConversationId">The conversation staff must open.</param>
/// <param name="Channel">Where the patient is, so staff reply there.</param>
/// <param name="Priority">One of <see cref="EscalationPriority"/>.</param>
/// <param name="Reason">One of <see cref="EscalationReason"/>.</param>
/// <param name="TriageReasons">The triage rule ids that matched, for staff to see why.</param>
/// <param name="CreatedAt">When the message that raised it arrived.</param>
public sealed record NewEscalation(
    string ConversationId, Channel Channel, string Priority, string Reason, IReadOnlyList<string> TriageReasons, DateTimeOffset CreatedAt)
{
    /// <summary>The message that raised it (<see cref="Turns.TurnRequest.MessageKey"/>): one escalation per message, however often its turn runs.</summary>
    public string? MessageKey { get; init; }
}

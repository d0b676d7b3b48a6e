using ClinicBot.Conversations.State;
using ClinicBot.Staff.Queue;

namespace ClinicBot.Staff.Console;

/// <summary>An escalation as the staff API returns it, with its SLA countdown.</summary>
public sealed record EscalationView(
    string Id,
    string ConversationId,
    string Channel,
    string Patient,
    string Priority,
    string Reason,
    IReadOnlyList<string> TriageReasons,
    string Status,
    string? Assignee,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    bool Overdue,
    long SecondsToDue,
    IReadOnlyList<TranscriptEntry>? Transcript = null)
{
    /// <summary>The view of a record at a given time.</summary>
    public static EscalationView Of(EscalationRecord e, DateTimeOffset now, IReadOnlyList<TranscriptEntry>? transcript = null) =>
        new(e.Id, e.ConversationId, e.Channel, e.PatientDisplayId, e.Priority, e.Reason, e.TriageReasons, e.Status, e.Assignee,
            e.CreatedAt, e.DueAt, e.IsOverdue(now), (long)(e.DueAt - now).TotalSeconds, transcript);
}

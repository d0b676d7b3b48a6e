namespace ClinicBot.Staff.Queue;

/// <summary>An escalation as staff see it in the queue.</summary>
/// <param name="Id">Its id.</param>
/// <param name="ConversationId">The conversation to open.</param>
/// <param name="Channel">"web" or "sms": where a staff reply goes.</param>
/// <param name="PatientDisplayId">How the patient is shown in lists: never a full phone number.</param>
/// <param name="Priority">"urgent" or "normal".</param>
/// <param name="Reason">crisis, clinical, requested, low_confidence.</param>
/// <param name="TriageReasons">The triage rules that matched.</param>
/// <param name="Status">One of <see cref="EscalationStatus"/>.</param>
/// <param name="Assignee">The staff member who claimed it, or null.</param>
/// <param name="CreatedAt">When it was raised.</param>
/// <param name="DueAt">When its SLA runs out.</param>
/// <param name="ResolvedAt">When it was resolved, or null.</param>
public sealed record EscalationRecord(
    string Id,
    string ConversationId,
    string Channel,
    string PatientDisplayId,
    string Priority,
    string Reason,
    IReadOnlyList<string> TriageReasons,
    string Status,
    string? Assignee,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? ResolvedAt)
{
    /// <summary>Whether its SLA has run out while it is still open or claimed.</summary>
    public bool IsOverdue(DateTimeOffset now) => Status != EscalationStatus.Resolved && now > DueAt;
}

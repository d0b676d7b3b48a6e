namespace ClinicBot.Staff.Console;

/// <summary>A change to the queue: <c>raised</c>, <c>claimed</c>, <c>replied</c>, <c>resolved</c>, <c>patient_message</c>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="EscalationId">The escalation it concerns, or null.</param>
/// <param name="ConversationId">The conversation it concerns.</param>
public sealed record QueueEvent(string Kind, string? EscalationId, string ConversationId);

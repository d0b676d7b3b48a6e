namespace ClinicBot.Storage.Postgres;

/// <summary>A queue event as a NOTIFY payload: the instance that made it, and the event (ids only, never a message's text).</summary>
internal sealed record QueueNotification(Guid Origin, string Kind, string? EscalationId, string ConversationId);

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// A Direct Line announcement as a NOTIFY payload: the instance that wrote, and the conversation with new activities (its
/// id only, never an activity's text; the streams read the activities from the store).
/// </summary>
internal sealed record DirectLineNotification(Guid Origin, string ConversationId);

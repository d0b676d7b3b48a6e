namespace ClinicBot.Conversations.Delivery;

/// <summary>A message for a patient that waits in the outbox.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="ConversationId">The patient's conversation (its channel address is found from it).</param>
/// <param name="Text">What to deliver.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="NextAttemptAt">When to try again.</param>
public sealed record PendingDelivery(string Id, string ConversationId, string Text, int Attempts, DateTimeOffset NextAttemptAt);

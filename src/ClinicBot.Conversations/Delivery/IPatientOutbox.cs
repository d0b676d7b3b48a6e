namespace ClinicBot.Conversations.Delivery;

/// <summary>
/// Messages for patients that their channel did not take at once (Twilio or the Connector down): kept until a retry
/// delivers them. The transcript already has them; the outbox only owes the delivery.
/// </summary>
public interface IPatientOutbox
{
    /// <summary>Keeps a message to deliver; the first retry is due at <see cref="PendingDelivery.NextAttemptAt"/>.</summary>
    Task EnqueueAsync(PendingDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Messages whose next attempt is due, oldest first.</summary>
    Task<IReadOnlyList<PendingDelivery>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>The channel took it.</summary>
    Task DeliveredAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Another attempt failed: try again at <paramref name="next"/>.</summary>
    Task RetryLaterAsync(string id, int attempts, DateTimeOffset next, CancellationToken cancellationToken);
}

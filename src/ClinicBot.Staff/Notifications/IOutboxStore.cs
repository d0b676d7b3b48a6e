namespace ClinicBot.Staff.Notifications;

/// <summary>The persisted notification outbox.</summary>
public interface IOutboxStore
{
    /// <summary>Undelivered messages whose next attempt is due, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Marks a message delivered.</summary>
    Task MarkSentAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and when to try again.</summary>
    Task MarkFailedAsync(string id, int attempts, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);
}

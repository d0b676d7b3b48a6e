using ClinicBot.Conversations.Delivery;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// The patient outbox in the shared database. Like the notification outbox, due messages are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> and a lease, so two hosts retrying at once deliver each message once.
/// </summary>
public sealed class PostgresPatientOutbox(PostgresDatabase database) : IPatientOutbox
{
    /// <inheritdoc />
    public Task EnqueueAsync(PendingDelivery delivery, CancellationToken cancellationToken) => database.ExecuteAsync(
        "INSERT INTO patient_outbox (id, conversation_id, text, attempts, next_attempt_at) VALUES (@id, @conversation, @text, @attempts, @next)",
        cancellationToken,
        ("id", delivery.Id), ("conversation", delivery.ConversationId), ("text", delivery.Text), ("attempts", delivery.Attempts), ("next", delivery.NextAttemptAt));

    /// <summary>Claims the due messages for <see cref="PostgresEscalationStore.ClaimLease"/>; rows another host is claiming are skipped.</summary>
    public async Task<IReadOnlyList<PendingDelivery>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH due AS (
                SELECT id, next_attempt_at FROM patient_outbox WHERE delivered_at IS NULL AND next_attempt_at <= @now
                ORDER BY next_attempt_at LIMIT @max FOR UPDATE SKIP LOCKED)
            UPDATE patient_outbox o SET next_attempt_at = @leased_until FROM due WHERE o.id = due.id
            RETURNING o.id, o.conversation_id, o.text, o.attempts, due.next_attempt_at
            """, connection);
        command.Add("now", now).Add("max", max).Add("leased_until", now + PostgresEscalationStore.ClaimLease);
        var due = new List<PendingDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new PendingDelivery(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return due.OrderBy(d => d.NextAttemptAt).ToList();
    }

    /// <inheritdoc />
    public Task DeliveredAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE patient_outbox SET delivered_at = @at WHERE id = @id", cancellationToken, ("id", id), ("at", at));

    /// <inheritdoc />
    public Task RetryLaterAsync(string id, int attempts, DateTimeOffset next, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE patient_outbox SET attempts = @attempts, next_attempt_at = @next WHERE id = @id", cancellationToken,
            ("id", id), ("attempts", attempts), ("next", next));
}

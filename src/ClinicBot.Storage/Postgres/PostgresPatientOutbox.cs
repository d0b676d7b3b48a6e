using ClinicBot.Conversations.Delivery;
using ClinicBot.Storage.Privacy;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// The patient outbox in the shared database. Like the notification outbox, due messages are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> and a lease, so two hosts retrying at once deliver each message once.
/// </summary>
public sealed class PostgresPatientOutbox(PostgresDatabase database, PatientTextCipher cipher) : IPatientOutbox
{
    /// <inheritdoc />
    public Task EnqueueAsync(PendingDelivery delivery, CancellationToken cancellationToken) => database.ExecuteAsync(
        "INSERT INTO patient_outbox (id, conversation_id, text, attempts, next_attempt_at) VALUES (@id, @conversation, @text, @attempts, @next)",
        cancellationToken,
        ("id", delivery.Id), ("conversation", delivery.ConversationId), ("text", cipher.Protect(delivery.Text, ProtectedColumn.PatientOutboxText)), ("attempts", delivery.Attempts), ("next", delivery.NextAttemptAt));

    /// <summary>Claims the due messages for this host's retries (<see cref="PostgresDueRows"/>): each goes to one host.</summary>
    public Task<IReadOnlyList<PendingDelivery>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        PostgresDueRows.ClaimAsync(
            database, "patient_outbox", "delivered_at", "next_attempt_at", "o.id, o.conversation_id, o.text, o.attempts, due.next_attempt_at", now, max,
            reader => new PendingDelivery(reader.GetString(0), reader.GetString(1), cipher.Reveal(reader.GetString(2), ProtectedColumn.PatientOutboxText), reader.GetInt32(3), reader.GetFieldValue<DateTimeOffset>(4)),
            delivery => delivery.NextAttemptAt,
            cancellationToken);

    /// <inheritdoc />
    public Task DeliveredAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE patient_outbox SET delivered_at = @at WHERE id = @id", cancellationToken, ("id", id), ("at", at));

    /// <inheritdoc />
    public Task RetryLaterAsync(string id, int attempts, DateTimeOffset next, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE patient_outbox SET attempts = @attempts, next_attempt_at = @next WHERE id = @id", cancellationToken,
            ("id", id), ("attempts", attempts), ("next", next));
}

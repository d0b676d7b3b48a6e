using ClinicBot.Conversations.Delivery;
using ClinicBot.Storage.Privacy;
using static ClinicBot.Storage.Sqlite.SqliteConversationStore;

namespace ClinicBot.Storage.Sqlite;

/// <summary>The patient outbox in the SQLite file (<c>patient_outbox</c>, created with the conversation tables).</summary>
public sealed class SqlitePatientOutbox : IPatientOutbox
{
    private readonly SqliteConnectionFactory _connections;
    private readonly PatientTextCipher _cipher;

    public SqlitePatientOutbox(SqliteConnectionFactory connections, PatientTextCipher cipher)
    {
        _connections = connections;
        _cipher = cipher;
    }

    /// <inheritdoc />
    public Task EnqueueAsync(PendingDelivery delivery, CancellationToken cancellationToken) => _connections.ExecuteAsync(
        "INSERT INTO patient_outbox (id, conversation_id, text, attempts, next_attempt_at) VALUES ($id, $conversation, $text, $attempts, $next)",
        cancellationToken,
        ("$id", delivery.Id), ("$conversation", delivery.ConversationId), ("$text", _cipher.Protect(delivery.Text, ProtectedColumn.PatientOutboxText)), ("$attempts", delivery.Attempts), ("$next", Format(delivery.NextAttemptAt)));

    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingDelivery>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, conversation_id, text, attempts, next_attempt_at FROM patient_outbox
            WHERE delivered_at IS NULL AND next_attempt_at <= $now ORDER BY next_attempt_at LIMIT $max
            """;
        command.Parameters.AddWithValue("$now", Format(now));
        command.Parameters.AddWithValue("$max", max);
        var due = new List<PendingDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new PendingDelivery(reader.GetString(0), reader.GetString(1), _cipher.Reveal(reader.GetString(2), ProtectedColumn.PatientOutboxText), reader.GetInt32(3), Parse(reader.GetString(4))));
        }

        return due;
    }

    /// <inheritdoc />
    public Task DeliveredAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        _connections.ExecuteAsync("UPDATE patient_outbox SET delivered_at = $at WHERE id = $id", cancellationToken, ("$id", id), ("$at", Format(at)));

    /// <inheritdoc />
    public Task RetryLaterAsync(string id, int attempts, DateTimeOffset next, CancellationToken cancellationToken) =>
        _connections.ExecuteAsync("UPDATE patient_outbox SET attempts = $attempts, next_attempt_at = $next WHERE id = $id", cancellationToken,
            ("$id", id), ("$attempts", attempts), ("$next", Format(next)));
}

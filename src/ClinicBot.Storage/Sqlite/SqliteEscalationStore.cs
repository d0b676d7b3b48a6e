using System.Text;
using System.Text.Json;
using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Queue;
using ClinicBot.Storage.Privacy;
using Microsoft.Data.Sqlite;
using static ClinicBot.Storage.Sqlite.SqliteConversationStore;

namespace ClinicBot.Storage.Sqlite;

/// <summary>Escalations and their notification outbox in the SQLite file.</summary>
public sealed class SqliteEscalationStore : IEscalationStore, IOutboxStore
{
    private const string Columns = "id, conversation_id, channel, patient_display_id, priority, reason, triage_reasons, status, assignee, created_at, due_at, resolved_at";

    private readonly SqliteConnectionFactory _connections;
    private readonly PatientTextCipher _cipher;

    /// <summary>Over a database the schema migrations have brought up to date.</summary>
    public SqliteEscalationStore(SqliteConnectionFactory connections, PatientTextCipher cipher)
    {
        _connections = connections;
        _cipher = cipher;
    }

    /// <inheritdoc />
    public async Task<bool> InsertAsync(EscalationRecord escalation, OutboxMessage? notification, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var transaction = connection.BeginTransaction();
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO escalations ({Columns}) VALUES ($id, $conversation, $channel, $patient, $priority, $reason, $triage, $status, $assignee, $created, $due, NULL) ON CONFLICT(id) DO NOTHING";
            insert.Parameters.AddWithValue("$id", escalation.Id);
            insert.Parameters.AddWithValue("$conversation", escalation.ConversationId);
            insert.Parameters.AddWithValue("$channel", escalation.Channel);
            insert.Parameters.AddWithValue("$patient", _cipher.Protect(escalation.PatientDisplayId, ProtectedColumn.EscalationPatient));
            insert.Parameters.AddWithValue("$priority", escalation.Priority);
            insert.Parameters.AddWithValue("$reason", escalation.Reason);
            insert.Parameters.AddWithValue("$triage", JsonSerializer.Serialize(escalation.TriageReasons));
            insert.Parameters.AddWithValue("$status", escalation.Status);
            insert.Parameters.AddWithValue("$assignee", (object?)escalation.Assignee ?? DBNull.Value);
            insert.Parameters.AddWithValue("$created", Format(escalation.CreatedAt));
            insert.Parameters.AddWithValue("$due", Format(escalation.DueAt));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0) return false;
        }

        if (notification is not null)
        {
            await using var outbox = connection.CreateCommand();
            outbox.Transaction = transaction;
            outbox.CommandText = "INSERT INTO notification_outbox (id, escalation_id, body, created_at, attempts, next_attempt_at) VALUES ($id, $escalation, $body, $created, 0, $next)";
            outbox.Parameters.AddWithValue("$id", notification.Id);
            outbox.Parameters.AddWithValue("$escalation", notification.EscalationId);
            outbox.Parameters.AddWithValue("$body", _cipher.Protect(notification.Body, ProtectedColumn.NotificationBody));
            outbox.Parameters.AddWithValue("$created", Format(notification.CreatedAt));
            outbox.Parameters.AddWithValue("$next", Format(notification.NextAttemptAt));
            await outbox.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EscalationRecord>> ListAsync(EscalationFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM escalations WHERE 1 = 1");
        if (filter.Status is not null)
        {
            sql.Append(" AND status = $status");
            command.Parameters.AddWithValue("$status", filter.Status);
        }
        else if (!filter.IncludeResolved)
        {
            sql.Append(" AND status <> 'resolved'");
        }

        if (filter.Priority is not null)
        {
            sql.Append(" AND priority = $priority");
            command.Parameters.AddWithValue("$priority", filter.Priority);
        }

        sql.Append(" ORDER BY CASE priority WHEN 'urgent' THEN 0 ELSE 1 END, created_at");
        command.CommandText = sql.ToString();
        return await ReadAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<EscalationRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM escalations WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<bool> TransitionAsync(string id, string fromStatus, string toStatus, string? assignee, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        // The status condition makes a claim race safe: only one of two staff members claiming at once succeeds.
        command.CommandText = """
            UPDATE escalations SET status = $to, assignee = COALESCE($assignee, assignee),
                resolved_at = CASE WHEN $to = 'resolved' THEN $at ELSE resolved_at END
            WHERE id = $id AND status = $from
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$from", fromStatus);
        command.Parameters.AddWithValue("$to", toStatus);
        command.Parameters.AddWithValue("$assignee", (object?)assignee ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", Format(at));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, escalation_id, body, created_at, attempts, next_attempt_at FROM notification_outbox
            WHERE sent_at IS NULL AND next_attempt_at <= $now ORDER BY created_at LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", Format(now));
        command.Parameters.AddWithValue("$limit", limit);
        var messages = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new OutboxMessage(reader.GetString(0), reader.GetString(1), _cipher.Reveal(reader.GetString(2), ProtectedColumn.NotificationBody), Parse(reader.GetString(3)), reader.GetInt32(4), Parse(reader.GetString(5))));
        }

        return messages;
    }

    /// <inheritdoc />
    public Task MarkSentAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        _connections.ExecuteAsync("UPDATE notification_outbox SET sent_at = $at, attempts = attempts + 1 WHERE id = $id", cancellationToken, ("$id", id), ("$at", Format(at)));

    /// <inheritdoc />
    public Task MarkFailedAsync(string id, int attempts, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        _connections.ExecuteAsync("UPDATE notification_outbox SET attempts = $attempts, next_attempt_at = $next WHERE id = $id", cancellationToken,
            ("$id", id), ("$attempts", attempts), ("$next", Format(nextAttemptAt)));

    private Task<List<EscalationRecord>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken) =>
        EscalationRows.ReadAsync(command, (reader, column) => Parse(reader.GetString(column)), _cipher, cancellationToken);
}

using System.Text;
using System.Text.Json;
using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Queue;
using ClinicBot.Storage.Privacy;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// Escalations and their notification outbox in the shared database. The claim race is decided by the conditional
/// UPDATE in <see cref="TransitionAsync"/>; the outbox is claimed row by row with <c>FOR UPDATE SKIP LOCKED</c>
/// (<see cref="DueAsync"/>, <see cref="PostgresDueRows"/>), so each notification goes to one host's dispatcher: one
/// webhook per escalation.
/// </summary>
public sealed class PostgresEscalationStore(PostgresDatabase database, PatientTextCipher cipher) : IEscalationStore, IOutboxStore
{
    private const string Columns = "id, conversation_id, channel, patient_display_id, priority, reason, triage_reasons, status, assignee, created_at, due_at, resolved_at";

    /// <inheritdoc />
    public async Task<bool> InsertAsync(EscalationRecord escalation, OutboxMessage? notification, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO escalations ({Columns}) VALUES (@id, @conversation, @channel, @patient, @priority, @reason, @triage, @status, @assignee, @created, @due, NULL) ON CONFLICT (id) DO NOTHING",
            connection, transaction))
        {
            insert.Add("id", escalation.Id).Add("conversation", escalation.ConversationId).Add("channel", escalation.Channel)
                .Add("patient", cipher.Protect(escalation.PatientDisplayId, ProtectedColumn.EscalationPatient)).Add("priority", escalation.Priority).Add("reason", escalation.Reason)
                .Add("triage", JsonSerializer.Serialize(escalation.TriageReasons)).Add("status", escalation.Status)
                .Add("assignee", escalation.Assignee).Add("created", escalation.CreatedAt).Add("due", escalation.DueAt);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0) return false;
        }

        if (notification is not null)
        {
            await using var outbox = new NpgsqlCommand(
                "INSERT INTO notification_outbox (id, escalation_id, body, created_at, attempts, next_attempt_at) VALUES (@id, @escalation, @body, @created, 0, @next)",
                connection, transaction);
            outbox.Add("id", notification.Id).Add("escalation", notification.EscalationId).Add("body", cipher.Protect(notification.Body, ProtectedColumn.NotificationBody))
                .Add("created", notification.CreatedAt).Add("next", notification.NextAttemptAt);
            await outbox.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EscalationRecord>> ListAsync(EscalationFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var sql = new StringBuilder($"SELECT {Columns} FROM escalations WHERE true");
        if (filter.Status is not null)
        {
            sql.Append(" AND status = @status");
            command.Add("status", filter.Status);
        }
        else if (!filter.IncludeResolved)
        {
            sql.Append(" AND status <> 'resolved'");
        }

        if (filter.Priority is not null)
        {
            sql.Append(" AND priority = @priority");
            command.Add("priority", filter.Priority);
        }

        sql.Append(" ORDER BY CASE priority WHEN 'urgent' THEN 0 ELSE 1 END, created_at");
        command.CommandText = sql.ToString();
        return await ReadAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<EscalationRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM escalations WHERE id = @id", connection).Add("id", id);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<bool> TransitionAsync(string id, string fromStatus, string toStatus, string? assignee, DateTimeOffset at, CancellationToken cancellationToken) =>
        // The status condition decides a claim race: of two staff members (on any hosts) claiming at once, one row changes.
        await database.ExecuteAsync("""
            UPDATE escalations SET status = @to, assignee = COALESCE(@assignee, assignee),
                resolved_at = CASE WHEN @to = 'resolved' THEN @at ELSE resolved_at END
            WHERE id = @id AND status = @from
            """,
            cancellationToken,
            ("id", id), ("from", fromStatus), ("to", toStatus), ("assignee", assignee), ("at", at)) == 1;

    /// <summary>Claims the due notifications for this host's dispatcher (<see cref="PostgresDueRows"/>): each goes to one host.</summary>
    public Task<IReadOnlyList<OutboxMessage>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        PostgresDueRows.ClaimAsync(
            database, "notification_outbox", "sent_at", "created_at", "o.id, o.escalation_id, o.body, o.created_at, o.attempts, due.next_attempt_at", now, limit,
            reader => new OutboxMessage(
                reader.GetString(0), reader.GetString(1), cipher.Reveal(reader.GetString(2), ProtectedColumn.NotificationBody), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4), reader.GetFieldValue<DateTimeOffset>(5)),
            message => message.CreatedAt,
            cancellationToken);

    /// <inheritdoc />
    public Task MarkSentAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE notification_outbox SET sent_at = @at, attempts = attempts + 1 WHERE id = @id", cancellationToken, ("id", id), ("at", at));

    /// <inheritdoc />
    public Task MarkFailedAsync(string id, int attempts, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE notification_outbox SET attempts = @attempts, next_attempt_at = @next WHERE id = @id", cancellationToken,
            ("id", id), ("attempts", attempts), ("next", nextAttemptAt));

    private Task<List<EscalationRecord>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken) =>
        EscalationRows.ReadAsync(command, (reader, column) => reader.GetFieldValue<DateTimeOffset>(column), cipher, cancellationToken);
}

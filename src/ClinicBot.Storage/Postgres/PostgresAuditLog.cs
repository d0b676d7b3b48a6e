using ClinicBot.Staff.Audit;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>The append-only audit log in the shared database.</summary>
public sealed class PostgresAuditLog(PostgresDatabase database) : IAuditLog
{
    /// <inheritdoc />
    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        database.ExecuteAsync("INSERT INTO audit_log (actor, action, escalation_id, at) VALUES (@actor, @action, @escalation, @at)", cancellationToken,
            ("actor", entry.Actor), ("action", entry.Action), ("escalation", entry.EscalationId), ("at", entry.At));

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ForEscalationAsync(string escalationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT actor, action, escalation_id, at FROM audit_log WHERE escalation_id = @id ORDER BY seq", connection).Add("id", escalationId);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return entries;
    }
}

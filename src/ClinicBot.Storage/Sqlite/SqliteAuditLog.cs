using ClinicBot.Staff.Audit;
using static ClinicBot.Storage.Sqlite.SqliteConversationStore;

namespace ClinicBot.Storage.Sqlite;

/// <summary>The append-only audit log in the SQLite file.</summary>
public sealed class SqliteAuditLog : IAuditLog
{
    private readonly SqliteConnectionFactory _connections;

    /// <summary>Over a database the schema migrations have brought up to date.</summary>
    public SqliteAuditLog(SqliteConnectionFactory connections)
    {
        _connections = connections;
    }

    /// <inheritdoc />
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit_log (actor, action, escalation_id, at) VALUES ($actor, $action, $escalation, $at)";
        command.Parameters.AddWithValue("$actor", entry.Actor);
        command.Parameters.AddWithValue("$action", entry.Action);
        command.Parameters.AddWithValue("$escalation", (object?)entry.EscalationId ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", Format(entry.At));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ForEscalationAsync(string escalationId, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT actor, action, escalation_id, at FROM audit_log WHERE escalation_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", escalationId);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) entries.Add(new AuditEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), Parse(reader.GetString(3))));
        return entries;
    }
}

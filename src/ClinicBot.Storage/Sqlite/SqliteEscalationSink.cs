using System.Text.Json;
using ClinicBot.Conversations.Escalations;
using ClinicBot.Prompts;

namespace ClinicBot.Storage.Sqlite;

/// <summary>Persists escalations in the SQLite file, status <c>open</c>, for the staff queue to read.</summary>
public sealed class SqliteEscalationSink : IEscalationSink
{
    private readonly SqliteConnectionFactory _connections;

    /// <summary>Creates the tables if this is a new database.</summary>
    public SqliteEscalationSink(SqliteConnectionFactory connections)
    {
        _connections = connections;
        SqliteConversationSchema.Ensure(connections);
    }

    /// <inheritdoc />
    public async Task<string> RaiseAsync(NewEscalation escalation, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO escalations (id, conversation_id, channel, priority, reason, triage_reasons, status, created_at)
            VALUES ($id, $conversation, $channel, $priority, $reason, $triage, 'open', $at)
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$conversation", escalation.ConversationId);
        command.Parameters.AddWithValue("$channel", ChannelNames.Name(escalation.Channel));
        command.Parameters.AddWithValue("$priority", escalation.Priority);
        command.Parameters.AddWithValue("$reason", escalation.Reason);
        command.Parameters.AddWithValue("$triage", JsonSerializer.Serialize(escalation.TriageReasons));
        command.Parameters.AddWithValue("$at", SqliteConversationStore.Format(escalation.CreatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }
}

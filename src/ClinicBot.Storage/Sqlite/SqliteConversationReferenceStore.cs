using System.Text.Json;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Delivery;

namespace ClinicBot.Storage.Sqlite;

/// <summary>Bot Framework conversation references in the SQLite file, so staff can still reply after a restart.</summary>
public sealed class SqliteConversationReferenceStore : IConversationReferenceStore
{
    private readonly SqliteConnectionFactory _connections;

    public SqliteConversationReferenceStore(SqliteConnectionFactory connections)
    {
        _connections = connections;
    }

    public async Task SaveAsync(string conversationKey, Activity reference, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO bot_conversation_references (conversation_key, reference) VALUES ($key, $reference)
            ON CONFLICT(conversation_key) DO UPDATE SET reference = excluded.reference
            """;
        command.Parameters.AddWithValue("$key", conversationKey);
        command.Parameters.AddWithValue("$reference", JsonSerializer.Serialize(reference, ActivityJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Activity?> FindAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reference FROM bot_conversation_references WHERE conversation_key = $key";
        command.Parameters.AddWithValue("$key", conversationKey);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<Activity>(json, ActivityJson.Options) : null;
    }
}

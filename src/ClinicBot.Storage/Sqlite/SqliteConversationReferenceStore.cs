using System.Text.Json;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Delivery;
using ClinicBot.Storage.Privacy;

namespace ClinicBot.Storage.Sqlite;

/// <summary>Bot Framework conversation references in the SQLite file, so staff can still reply after a restart.</summary>
public sealed class SqliteConversationReferenceStore : IConversationReferenceStore
{
    private readonly SqliteConnectionFactory _connections;
    private readonly PatientTextCipher _cipher;

    public SqliteConversationReferenceStore(SqliteConnectionFactory connections, PatientTextCipher cipher)
    {
        _connections = connections;
        _cipher = cipher;
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
        command.Parameters.AddWithValue("$reference", _cipher.Protect(JsonSerializer.Serialize(reference, ActivityJson.Options), ProtectedColumn.ConversationReference));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Activity?> FindAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reference FROM bot_conversation_references WHERE conversation_key = $key";
        command.Parameters.AddWithValue("$key", conversationKey);
        return await command.ExecuteScalarAsync(cancellationToken) is string stored ? JsonSerializer.Deserialize<Activity>(_cipher.Reveal(stored, ProtectedColumn.ConversationReference), ActivityJson.Options) : null;
    }
}

using System.Text.Json;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Delivery;
using ClinicBot.Storage.Privacy;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>Bot Framework conversation references in the shared database, so staff on any host can reply.</summary>
public sealed class PostgresConversationReferenceStore(PostgresDatabase database, PatientTextCipher cipher) : IConversationReferenceStore
{
    /// <inheritdoc />
    public Task SaveAsync(string conversationKey, Activity reference, CancellationToken cancellationToken) =>
        database.ExecuteAsync("""
            INSERT INTO bot_conversation_references (conversation_key, reference) VALUES (@key, @reference)
            ON CONFLICT (conversation_key) DO UPDATE SET reference = excluded.reference
            """, cancellationToken, ("key", conversationKey), ("reference", cipher.Protect(JsonSerializer.Serialize(reference, ActivityJson.Options), ProtectedColumn.ConversationReference)));

    /// <inheritdoc />
    public async Task<Activity?> FindAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT reference FROM bot_conversation_references WHERE conversation_key = @key", connection)
            .Add("key", conversationKey);
        return await command.ExecuteScalarAsync(cancellationToken) is string stored
            ? JsonSerializer.Deserialize<Activity>(cipher.Reveal(stored, ProtectedColumn.ConversationReference), ActivityJson.Options)
            : null;
    }
}

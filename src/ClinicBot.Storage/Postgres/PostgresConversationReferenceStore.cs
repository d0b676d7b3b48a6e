using System.Text.Json;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Delivery;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>Bot Framework conversation references in the shared database, so staff on any host can reply.</summary>
public sealed class PostgresConversationReferenceStore(PostgresDatabase database) : IConversationReferenceStore
{
    /// <inheritdoc />
    public Task SaveAsync(string conversationKey, Activity reference, CancellationToken cancellationToken) =>
        database.ExecuteAsync("""
            INSERT INTO bot_conversation_references (conversation_key, reference) VALUES (@key, @reference)
            ON CONFLICT (conversation_key) DO UPDATE SET reference = excluded.reference
            """, cancellationToken, ("key", conversationKey), ("reference", JsonSerializer.Serialize(reference, ActivityJson.Options)));

    /// <inheritdoc />
    public async Task<Activity?> FindAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT reference FROM bot_conversation_references WHERE conversation_key = @key", connection)
            .Add("key", conversationKey);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<Activity>(json, ActivityJson.Options) : null;
    }
}

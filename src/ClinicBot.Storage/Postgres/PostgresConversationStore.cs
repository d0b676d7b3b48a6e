using System.Text.Json;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using ClinicBot.Storage.Privacy;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// Conversation state and transcripts in the shared database. Two hosts may append to one conversation at once (a staff
/// reply on one, the patient's turn on the other): the entry's number comes from the conversation's counter, taken by an
/// UPDATE that holds its row until the entry is written, so no two entries share a number and none is skipped.
/// </summary>
public sealed class PostgresConversationStore(PostgresDatabase database, PatientTextCipher cipher) : IConversationStore
{
    /// <inheritdoc />
    public async Task<ConversationState> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT c.crisis_since,
                   (SELECT route FROM transcript_entries t WHERE t.conversation_id = c.id AND t.author = 'bot' ORDER BY seq DESC LIMIT 1),
                   c.handler,
                   c.locale
            FROM conversations c WHERE c.id = @id
            """, connection).Add("id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return new ConversationState(conversationId, null);
        return new ConversationState(conversationId, reader.GetTimeOrNull(0), reader.GetStringOrNull(1), reader.GetStringOrNull(2), reader.GetStringOrNull(3));
    }

    /// <inheritdoc />
    public Task SetLocaleAsync(string conversationId, string locale, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE conversations SET locale = @locale WHERE id = @id", cancellationToken, ("id", conversationId), ("locale", locale));

    /// <inheritdoc />
    public Task MarkCrisisAsync(string conversationId, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE conversations SET crisis_since = COALESCE(crisis_since, @at) WHERE id = @id", cancellationToken, ("id", conversationId), ("at", at));

    /// <inheritdoc />
    public Task SetHandlerAsync(string conversationId, string? staff, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE conversations SET handler = @staff WHERE id = @id", cancellationToken, ("id", conversationId), ("staff", staff));

    /// <inheritdoc />
    public Task AppendAsync(string conversationId, Channel channel, TranscriptEntry entry, CancellationToken cancellationToken) =>
        // One command, so one implicit transaction: the counter's row stays locked until the entry with its number is in.
        database.ExecuteAsync("""
            INSERT INTO conversations (id, channel, created_at) VALUES (@id, @channel, @at) ON CONFLICT (id) DO NOTHING;
            WITH next AS (UPDATE conversations SET last_seq = last_seq + 1 WHERE id = @id RETURNING last_seq)
            INSERT INTO transcript_entries (conversation_id, seq, author, text, route, sources, at)
            SELECT @id, next.last_seq, @author, @text, @route, @sources, @at FROM next;
            """,
            cancellationToken,
            ("id", conversationId), ("channel", ChannelNames.Name(channel)), ("author", entry.Author), ("text", cipher.Protect(entry.Text, ProtectedColumn.TranscriptText)),
            ("route", entry.Route), ("sources", JsonSerializer.Serialize(entry.Sources)), ("at", entry.At));

    /// <inheritdoc />
    public Task SetAddressAsync(string conversationId, Channel channel, ChannelAddress address, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.ExecuteAsync("""
            INSERT INTO conversations (id, channel, created_at, address_channel, address) VALUES (@id, @channel, @at, @address_channel, @address)
            ON CONFLICT (id) DO UPDATE SET address_channel = excluded.address_channel, address = excluded.address
            WHERE conversations.address_channel IS DISTINCT FROM excluded.address_channel OR conversations.address IS DISTINCT FROM excluded.address
            """,
            cancellationToken,
            ("id", conversationId), ("channel", ChannelNames.Name(channel)), ("at", at), ("address_channel", address.Channel), ("address", address.Value));

    /// <inheritdoc />
    public async Task<ChannelAddress?> AddressAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT address_channel, address FROM conversations WHERE id = @id AND address_channel IS NOT NULL AND address IS NOT NULL", connection)
            .Add("id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ChannelAddress(reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TranscriptEntry>> TranscriptAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT author, text, route, sources, at FROM transcript_entries WHERE conversation_id = @id ORDER BY seq", connection)
            .Add("id", conversationId);
        var entries = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new TranscriptEntry(
                reader.GetString(0), cipher.Reveal(reader.GetString(1), ProtectedColumn.TranscriptText), reader.GetStringOrNull(2),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [], reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return entries;
    }
}

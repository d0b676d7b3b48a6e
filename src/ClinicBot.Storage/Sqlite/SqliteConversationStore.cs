using System.Globalization;
using System.Text.Json;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using ClinicBot.Storage.Privacy;

namespace ClinicBot.Storage.Sqlite;

/// <summary>Conversation state and transcripts in the SQLite file.</summary>
public sealed class SqliteConversationStore : IConversationStore
{
    private readonly SqliteConnectionFactory _connections;
    private readonly PatientTextCipher _cipher;

    /// <summary>Over a database the schema migrations have brought up to date.</summary>
    public SqliteConversationStore(SqliteConnectionFactory connections, PatientTextCipher cipher)
    {
        _connections = connections;
        _cipher = cipher;
    }

    /// <inheritdoc />
    public async Task<ConversationState> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.crisis_since,
                   (SELECT route FROM transcript_entries t WHERE t.conversation_id = c.id AND t.author = 'bot' ORDER BY seq DESC LIMIT 1),
                   c.handler,
                   c.locale
            FROM conversations c WHERE c.id = $id
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return new ConversationState(conversationId, null);
        return new ConversationState(
            conversationId,
            reader.IsDBNull(0) ? null : Parse(reader.GetString(0)),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    /// <inheritdoc />
    public Task SetLocaleAsync(string conversationId, string locale, CancellationToken cancellationToken) =>
        _connections.ExecuteAsync("UPDATE conversations SET locale = $locale WHERE id = $id", cancellationToken, ("$id", conversationId), ("$locale", locale));

    /// <inheritdoc />
    public async Task MarkCrisisAsync(string conversationId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE conversations SET crisis_since = COALESCE(crisis_since, $at) WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$at", Format(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task SetHandlerAsync(string conversationId, string? staff, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE conversations SET handler = $staff WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$staff", (object?)staff ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task AppendAsync(string conversationId, Channel channel, TranscriptEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var transaction = connection.BeginTransaction();
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = "INSERT INTO conversations (id, channel, created_at) VALUES ($id, $channel, $at) ON CONFLICT(id) DO NOTHING";
        upsert.Parameters.AddWithValue("$id", conversationId);
        upsert.Parameters.AddWithValue("$channel", ChannelNames.Name(channel));
        upsert.Parameters.AddWithValue("$at", Format(entry.At));
        await upsert.ExecuteNonQueryAsync(cancellationToken);

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO transcript_entries (conversation_id, seq, author, text, route, sources, at)
            VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM transcript_entries WHERE conversation_id = $id), $author, $text, $route, $sources, $at)
            """;
        insert.Parameters.AddWithValue("$id", conversationId);
        insert.Parameters.AddWithValue("$author", entry.Author);
        insert.Parameters.AddWithValue("$text", _cipher.Protect(entry.Text, ProtectedColumn.TranscriptText));
        insert.Parameters.AddWithValue("$route", (object?)entry.Route ?? DBNull.Value);
        insert.Parameters.AddWithValue("$sources", JsonSerializer.Serialize(entry.Sources));
        insert.Parameters.AddWithValue("$at", Format(entry.At));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task SetAddressAsync(string conversationId, Channel channel, ChannelAddress address, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO conversations (id, channel, created_at, address_channel, address) VALUES ($id, $channel, $at, $address_channel, $address)
            ON CONFLICT(id) DO UPDATE SET address_channel = excluded.address_channel, address = excluded.address
            WHERE address_channel IS NOT excluded.address_channel OR address IS NOT excluded.address
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$channel", ChannelNames.Name(channel));
        command.Parameters.AddWithValue("$at", Format(at));
        command.Parameters.AddWithValue("$address_channel", address.Channel);
        command.Parameters.AddWithValue("$address", address.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ChannelAddress?> AddressAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT address_channel, address FROM conversations WHERE id = $id AND address_channel IS NOT NULL AND address IS NOT NULL";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ChannelAddress(reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TranscriptEntry>> TranscriptAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT author, text, route, sources, at FROM transcript_entries WHERE conversation_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", conversationId);
        var entries = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new TranscriptEntry(
                reader.GetString(0),
                _cipher.Reveal(reader.GetString(1), ProtectedColumn.TranscriptText),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [],
                Parse(reader.GetString(4))));
        }

        return entries;
    }

    internal static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

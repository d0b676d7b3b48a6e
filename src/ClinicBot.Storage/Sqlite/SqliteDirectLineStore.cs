using System.Globalization;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Storage.Privacy;

namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// Direct Line conversations and activities in the SQLite file, so a page's conversation survives a restart and polling
/// clients read what the stream pushed. The rowid is the watermark: it only grows.
/// </summary>
public sealed class SqliteDirectLineStore : IDirectLineStore
{
    private readonly SqliteConnectionFactory _connections;
    private readonly PatientTextCipher _cipher;

    public SqliteDirectLineStore(SqliteConnectionFactory connections, PatientTextCipher cipher)
    {
        _connections = connections;
        _cipher = cipher;
    }

    public async Task<bool> TryCreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO directline_conversations (id, user_id, locale, created_at) VALUES ($id, $user, $locale, $at) ON CONFLICT(id) DO NOTHING";
        command.Parameters.AddWithValue("$id", conversation.Id);
        command.Parameters.AddWithValue("$user", conversation.UserId);
        command.Parameters.AddWithValue("$locale", conversation.Locale);
        command.Parameters.AddWithValue("$at", Format(conversation.CreatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, user_id, locale, created_at FROM directline_conversations WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new DirectLineConversation(reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture))
            : null;
    }

    public async Task<long> AppendAsync(string conversationId, string activityId, string type, string json, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO directline_activities (conversation_id, activity_id, type, json, created_at) VALUES ($conversation, $id, $type, $json, $at)
            ON CONFLICT(activity_id) DO NOTHING;
            SELECT seq FROM directline_activities WHERE activity_id = $id;
            """;
        command.Parameters.AddWithValue("$conversation", conversationId);
        command.Parameters.AddWithValue("$id", activityId);
        command.Parameters.AddWithValue("$type", type);
        command.Parameters.AddWithValue("$json", _cipher.Protect(json, ProtectedColumn.DirectLineActivity));
        command.Parameters.AddWithValue("$at", Format(at));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<bool> ContainsAsync(string activityId, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM directline_activities WHERE activity_id = $id)";
        command.Parameters.AddWithValue("$id", activityId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    public async Task<IReadOnlyList<StoredActivity>> ListAsync(string conversationId, long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, type, json FROM directline_activities WHERE conversation_id = $conversation AND seq > $after ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$conversation", conversationId);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", limit);
        var activities = new List<StoredActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) activities.Add(new StoredActivity(reader.GetInt64(0), reader.GetString(1), _cipher.Reveal(reader.GetString(2), ProtectedColumn.DirectLineActivity)));
        return activities;
    }

    public async Task<long> LatestAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq), -1) FROM directline_activities WHERE conversation_id = $conversation";
        command.Parameters.AddWithValue("$conversation", conversationId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}

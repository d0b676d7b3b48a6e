using ClinicBot.Channels.DirectLine;
using ClinicBot.Storage.Privacy;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// Direct Line conversations and activities in the shared database. The activity's sequence is the watermark clients
/// read after, so within a conversation it must grow in the order rows become visible: appends to one conversation take
/// a transaction-scoped advisory lock on it, so a row numbered later is never committed before one numbered earlier
/// (from another host) and a poll never steps over a row still being written.
/// </summary>
public sealed class PostgresDirectLineStore(PostgresDatabase database, PatientTextCipher cipher) : IDirectLineStore
{
    /// <inheritdoc />
    public async Task<bool> TryCreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "INSERT INTO directline_conversations (id, user_id, locale, created_at) VALUES (@id, @user, @locale, @at) ON CONFLICT (id) DO NOTHING",
            cancellationToken, ("id", conversation.Id), ("user", conversation.UserId), ("locale", conversation.Locale), ("at", conversation.CreatedAt)) == 1;

    /// <inheritdoc />
    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, user_id, locale, created_at FROM directline_conversations WHERE id = @id", connection)
            .Add("id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new DirectLineConversation(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    /// <inheritdoc />
    public async Task<long> AppendAsync(string conversationId, string activityId, string type, string json, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand("""
            SELECT pg_advisory_xact_lock(hashtextextended(@conversation, 0));
            INSERT INTO directline_activities (conversation_id, activity_id, type, json, created_at) VALUES (@conversation, @id, @type, @json, @at)
            ON CONFLICT (activity_id) DO NOTHING;
            """, connection, transaction);
        insert.Add("conversation", conversationId).Add("id", activityId).Add("type", type).Add("json", cipher.Protect(json, ProtectedColumn.DirectLineActivity)).Add("at", at);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await using var read = new NpgsqlCommand("SELECT seq FROM directline_activities WHERE activity_id = @id", connection, transaction).Add("id", activityId);
        var sequence = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    /// <inheritdoc />
    public async Task<bool> ContainsAsync(string activityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM directline_activities WHERE activity_id = @id)", connection).Add("id", activityId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredActivity>> ListAsync(string conversationId, long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT seq, type, json FROM directline_activities WHERE conversation_id = @conversation AND seq > @after ORDER BY seq LIMIT @limit", connection)
            .Add("conversation", conversationId).Add("after", after).Add("limit", limit);
        var activities = new List<StoredActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) activities.Add(new StoredActivity(reader.GetInt64(0), reader.GetString(1), cipher.Reveal(reader.GetString(2), ProtectedColumn.DirectLineActivity)));
        return activities;
    }

    /// <inheritdoc />
    public async Task<long> LatestAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT COALESCE(MAX(seq), -1) FROM directline_activities WHERE conversation_id = @conversation", connection).Add("conversation", conversationId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

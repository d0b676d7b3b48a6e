using ClinicBot.Channels.BotFramework.Turns;

namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// The activity ledger in the SQLite file, so a channel's retry after a restart still gets no second reply.
/// Keys are stored hashed: they contain conversation ids, which on SMS can hold a phone number.
/// </summary>
public sealed class SqliteActivityLedger : IActivityLedger
{
    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _time;

    public SqliteActivityLedger(SqliteConnectionFactory connections, TimeProvider time)
    {
        _connections = connections;
        _time = time;
    }

    public async Task<bool> TryClaimAsync(string conversationKey, string key, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO bot_activity_ledger (key_hash, conversation_hash, claimed_at) VALUES ($key, $conversation, $at) ON CONFLICT(key_hash) DO NOTHING";
        command.Parameters.AddWithValue("$key", ActivityKey.Hash(key));
        command.Parameters.AddWithValue("$conversation", ActivityKey.Hash(conversationKey));
        command.Parameters.AddWithValue("$at", _time.GetUtcNow().UtcDateTime.ToString("O"));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}

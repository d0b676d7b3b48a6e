using System.Globalization;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.Inbox;
using Microsoft.AspNetCore.DataProtection;

namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// The activity inbox in the SQLite file (table <c>bot_inbox</c>), written in the statement that claims the activity's
/// id. The activity (the patient's words) is encrypted by ASP.NET Core Data Protection (keys in <c>keys/</c> beside the
/// database) and dropped when the turn finishes; keys are hashed, as conversation ids can hold a phone number.
/// </summary>
public sealed class SqliteActivityInbox : IActivityInbox
{
    private readonly SqliteConnectionFactory _connections;
    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;

    public SqliteActivityInbox(SqliteConnectionFactory connections, IDataProtectionProvider protection, TimeProvider time)
    {
        _connections = connections;
        _protector = protection.CreateProtector("ClinicBot.ActivityInbox");
        _time = time;
    }

    public async Task<InboundClaim> ClaimAsync(string conversationKey, string key, string scope, string activityJson, CancellationToken cancellationToken)
    {
        var hash = ActivityKey.Hash(key);
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO bot_inbox (key_hash, conversation_hash, scope, activity_protected, claimed_at) VALUES ($key, $conversation, $scope, $activity, $at)
            ON CONFLICT(key_hash) DO NOTHING
            """;
        command.Parameters.AddWithValue("$key", hash);
        command.Parameters.AddWithValue("$conversation", ActivityKey.Hash(conversationKey));
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$activity", _protector.Protect(activityJson));
        command.Parameters.AddWithValue("$at", Now());
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1) return InboundClaim.New;

        command.Parameters.Clear();
        command.CommandText = "SELECT finished_at IS NULL FROM bot_inbox WHERE key_hash = $key";
        command.Parameters.AddWithValue("$key", hash);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1 ? InboundClaim.Unfinished : InboundClaim.Finished;
    }

    public Task FinishAsync(string key, CancellationToken cancellationToken) => _connections.ExecuteAsync(
        "UPDATE bot_inbox SET finished_at = $at, activity_protected = NULL WHERE key_hash = $key AND finished_at IS NULL", cancellationToken,
        ("$key", ActivityKey.Hash(key)), ("$at", Now()));

    public async Task<IReadOnlyList<string>> UnfinishedAsync(string scope, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT activity_protected FROM bot_inbox
            WHERE scope = $scope AND finished_at IS NULL AND activity_protected IS NOT NULL ORDER BY claimed_at
            """;
        command.Parameters.AddWithValue("$scope", scope);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ProtectedActivities.ReadAsync(reader, _protector, cancellationToken);
    }

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}

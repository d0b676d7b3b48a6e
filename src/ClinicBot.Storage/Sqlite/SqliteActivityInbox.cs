using System.Globalization;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.Inbox;
using Microsoft.AspNetCore.DataProtection;

namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// The activity inbox in the SQLite file (table <c>bot_inbox</c>), written in the statement that claims the activity's
/// id. The activity (the patient's words) is encrypted by ASP.NET Core Data Protection (keys in <c>keys/</c> beside the
/// database) and dropped when the turn finishes; keys are hashed, as conversation ids can hold a phone number. Claimed
/// under the host's <see cref="InboxLease"/>, as on PostgreSQL (the same statements; SQLite runs each write alone).
/// </summary>
public sealed class SqliteActivityInbox : IActivityInbox
{
    private readonly SqliteConnectionFactory _connections;
    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;
    private readonly InboxLease _lease;

    public SqliteActivityInbox(SqliteConnectionFactory connections, IDataProtectionProvider protection, TimeProvider time, InboxLease? lease = null)
    {
        _connections = connections;
        _protector = protection.CreateProtector("ClinicBot.ActivityInbox");
        _time = time;
        _lease = lease ?? InboxLease.ForThisHost();
    }

    public async Task<InboundClaim> ClaimAsync(string conversationKey, string key, string scope, string activityJson, CancellationToken cancellationToken)
    {
        var hash = ActivityKey.Hash(key);
        var now = _time.GetUtcNow();
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO bot_inbox (key_hash, conversation_hash, scope, activity_protected, claimed_at, lease_owner, lease_until)
            VALUES ($key, $conversation, $scope, $activity, $now, $owner, $until)
            ON CONFLICT(key_hash) DO NOTHING
            """;
        SqliteInboxLease.Add(command, hash, _lease, now);
        command.Parameters.AddWithValue("$conversation", ActivityKey.Hash(conversationKey));
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$activity", _protector.Protect(activityJson));
        return await SqliteInboxLease.ClaimAsync(command, Table, KeyColumn, hash, _lease, now, cancellationToken);
    }

    public Task<bool> RenewAsync(string key, CancellationToken cancellationToken) =>
        SqliteInboxLease.RenewAsync(_connections, Table, KeyColumn, ActivityKey.Hash(key), _lease, _time.GetUtcNow(), cancellationToken);

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

    public async Task<IReadOnlyList<string>> TakeExpiredAsync(string scope, int limit, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteInboxLease.TakeExpired(
            Table, KeyColumn, "scope = $scope AND activity_protected IS NOT NULL", "claimed_at", "activity_protected, claimed_at");
        SqliteInboxLease.Add(command, null, _lease, _time.GetUtcNow());
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ProtectedActivities.ReadOldestFirstAsync(reader, _protector, cancellationToken);
    }

    private const string Table = "bot_inbox";
    private const string KeyColumn = "key_hash";

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}

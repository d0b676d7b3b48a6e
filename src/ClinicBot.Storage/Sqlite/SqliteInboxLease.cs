using System.Globalization;
using ClinicBot.Channels.Inbox;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// The lease steps both SQLite inboxes (<c>bot_inbox</c>, <c>sms_inbound</c>) make, with <see cref="InboxLeaseSql"/>'s
/// statements; times are ISO 8601 UTC text of one length, so they compare as text.
/// </summary>
internal static class SqliteInboxLease
{
    /// <summary>The lease parameters: <c>$key</c> (when given), <c>$owner</c>, <c>$now</c>, <c>$until</c>, <c>$previous</c>.</summary>
    public static void Add(SqliteCommand command, string? key, InboxLease lease, DateTimeOffset now)
    {
        if (key is not null) command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$owner", lease.Owner);
        command.Parameters.AddWithValue("$now", Format(now));
        command.Parameters.AddWithValue("$until", Format(now + lease.Duration));
        command.Parameters.AddWithValue("$previous", Format(lease.PreviousLifeBefore));
    }

    /// <summary>
    /// Runs a claim's insert (<paramref name="insert"/>, its parameters set); when the key was taken before, takes it over
    /// if its lease expired, else says whether it finished or another host runs it.
    /// </summary>
    public static async Task<InboundClaim> ClaimAsync(
        SqliteCommand insert, string table, string keyColumn, string key, InboxLease lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1) return InboundClaim.New;

        insert.Parameters.Clear();
        insert.CommandText = InboxLeaseSql.TakeOver(table, keyColumn, '$');
        Add(insert, key, lease, now);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1) return InboundClaim.Unfinished;

        insert.Parameters.Clear();
        insert.CommandText = InboxLeaseSql.Unfinished(table, keyColumn, '$');
        insert.Parameters.AddWithValue("$key", key);
        return Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1 ? InboundClaim.InFlight : InboundClaim.Finished;
    }

    /// <summary>Extends this host's lease on the key's unfinished row; false when it is no longer this host's.</summary>
    public static async Task<bool> RenewAsync(
        SqliteConnectionFactory connections, string table, string keyColumn, string key, InboxLease lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = InboxLeaseSql.Renew(table, keyColumn, '$');
        Add(command, key, lease, now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Takes over up to <c>$limit</c> unfinished rows whose lease expired (<see cref="InboxLeaseSql.Expired"/>), oldest
    /// first, in one statement (SQLite runs one write at a time, so two hosts or processes never take the same row).
    /// </summary>
    /// <param name="table">The inbox table.</param>
    /// <param name="keyColumn">Its primary key.</param>
    /// <param name="filter">What else a row must be (its text still kept, its scope).</param>
    /// <param name="orderColumn">When the row was claimed.</param>
    /// <param name="returning">The columns returned of each row taken.</param>
    public static string TakeExpired(string table, string keyColumn, string filter, string orderColumn, string returning) => $"""
        UPDATE {table} SET lease_owner = $owner, lease_until = $until
        WHERE {keyColumn} IN (
            SELECT {keyColumn} FROM {table}
            WHERE {filter} AND {InboxLeaseSql.Expired('$')}
            ORDER BY {orderColumn} LIMIT $limit)
        RETURNING {returning}
        """;

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}

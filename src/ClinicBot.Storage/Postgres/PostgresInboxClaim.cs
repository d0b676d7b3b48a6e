using ClinicBot.Channels.Inbox;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// The claim both inboxes make (SMS MessageSids, Bot Framework activities): the insert that the primary key lets only
/// one host win, with the winner's lease; for the losers, the takeover of an unfinished row whose lease expired (one
/// atomic update, so only one host takes it over); else whether the turn finished or another live host runs it.
/// </summary>
internal static class PostgresInboxClaim
{
    /// <param name="database">The shared database.</param>
    /// <param name="insert">
    /// An <c>INSERT ... ON CONFLICT DO NOTHING</c> of the key <c>@key</c>, the lease (<c>@owner</c>, <c>@until</c>) and the
    /// other parameters.
    /// </param>
    /// <param name="table">The inbox table.</param>
    /// <param name="keyColumn">Its primary key.</param>
    /// <param name="key">The key's value.</param>
    /// <param name="parameters">The insert's other parameters.</param>
    /// <param name="lease">This host's lease.</param>
    /// <param name="now">The time of the claim.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    public static async Task<InboundClaim> ClaimAsync(
        PostgresDatabase database, string insert, string table, string keyColumn, string key, (string Name, object? Value)[] parameters,
        InboxLease lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Leased(new NpgsqlCommand(insert, connection), key, lease, now);
        foreach (var (name, value) in parameters) command.Add(name, value);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1) return InboundClaim.New;

        await using var takeOver = Leased(new NpgsqlCommand(InboxLeaseSql.TakeOver(table, keyColumn, '@'), connection), key, lease, now);
        if (await takeOver.ExecuteNonQueryAsync(cancellationToken) == 1) return InboundClaim.Unfinished;

        await using var state = new NpgsqlCommand(InboxLeaseSql.Unfinished(table, keyColumn, '@'), connection).Add("key", key);
        return await state.ExecuteScalarAsync(cancellationToken) is true ? InboundClaim.InFlight : InboundClaim.Finished;
    }

    /// <summary>Extends this host's lease on the key's unfinished row; false when it is no longer this host's.</summary>
    public static async Task<bool> RenewAsync(
        PostgresDatabase database, string table, string keyColumn, string key, InboxLease lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Leased(new NpgsqlCommand(InboxLeaseSql.Renew(table, keyColumn, '@'), connection), key, lease, now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Takes over up to <c>@limit</c> unfinished rows whose lease expired (<see cref="InboxLeaseSql.Expired"/>), oldest
    /// first. SKIP LOCKED: a row another host is taking over right now is its own; a row renewed or finished meanwhile is
    /// checked again as locked, and not taken. The selection is a materialized CTE, run once: as an IN (...) subquery,
    /// PostgreSQL may run it again for each row it updates, and take more than the limit.
    /// </summary>
    /// <param name="table">The inbox table.</param>
    /// <param name="keyColumn">Its primary key.</param>
    /// <param name="filter">What else a row must be (its text still kept, its scope).</param>
    /// <param name="orderColumn">When the row was claimed.</param>
    /// <param name="returning">The columns returned of each row taken.</param>
    public static string TakeExpired(string table, string keyColumn, string filter, string orderColumn, IEnumerable<string> returning) => $"""
        WITH expired AS MATERIALIZED (
            SELECT {keyColumn} FROM {table}
            WHERE {filter} AND {InboxLeaseSql.Expired('@')}
            ORDER BY {orderColumn} LIMIT @limit FOR UPDATE SKIP LOCKED)
        UPDATE {table} SET lease_owner = @owner, lease_until = @until
        FROM expired WHERE {table}.{keyColumn} = expired.{keyColumn}
        RETURNING {string.Join(", ", returning.Select(c => $"{table}.{c}"))}
        """;

    /// <summary>The parameters of the lease statements: <c>@key</c>, <c>@owner</c>, <c>@now</c>, <c>@until</c>, <c>@previous</c>.</summary>
    public static NpgsqlCommand Leased(NpgsqlCommand command, string? key, InboxLease lease, DateTimeOffset now)
    {
        if (key is not null) command.Add("key", key);
        return command.Add("owner", lease.Owner).Add("now", now).Add("until", now + lease.Duration).Add("previous", lease.PreviousLifeBefore);
    }
}

using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// How both outboxes (staff notifications, patient deliveries) hand due rows to one dispatcher among several hosts: the
/// rows are selected <c>FOR UPDATE SKIP LOCKED</c> (rows another host is claiming are passed over, not waited for) and
/// their next attempt moved <see cref="Lease"/> ahead in the same statement, so no other host takes them while this
/// one sends; a host that dies holding some leaves them due again when the lease runs out.
/// </summary>
internal static class PostgresDueRows
{
    /// <summary>How long a claimed row stays with its dispatcher: longer than one delivery with its retries.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <param name="database">The shared database.</param>
    /// <param name="table">The outbox table (its key <c>id</c>, its schedule <c>next_attempt_at</c>).</param>
    /// <param name="done">The column set once a row is delivered.</param>
    /// <param name="order">The order rows are due in.</param>
    /// <param name="columns">The columns to return, of <c>o</c> (the row); <c>due.next_attempt_at</c> is the time it was due.</param>
    /// <param name="now">Rows due by this time are taken.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="read">Makes a result of one returned row.</param>
    /// <param name="orderBy">Puts the results back in due order (RETURNING keeps none).</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    public static async Task<IReadOnlyList<T>> ClaimAsync<T, TKey>(
        PostgresDatabase database, string table, string done, string order, string columns, DateTimeOffset now, int limit,
        Func<NpgsqlDataReader, T> read, Func<T, TKey> orderBy, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            WITH due AS (
                SELECT id, next_attempt_at FROM {table} WHERE {done} IS NULL AND next_attempt_at <= @now
                ORDER BY {order} LIMIT @limit FOR UPDATE SKIP LOCKED)
            UPDATE {table} o SET next_attempt_at = @leased_until FROM due WHERE o.id = due.id
            RETURNING {columns}
            """, connection);
        command.Add("now", now).Add("limit", limit).Add("leased_until", now + Lease);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows.OrderBy(orderBy).ToList();
    }
}

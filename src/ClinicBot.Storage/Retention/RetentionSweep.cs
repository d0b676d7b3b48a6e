using System.Data.Common;
using System.Globalization;
using ClinicBot.Staff.Retention;

namespace ClinicBot.Storage.Retention;

/// <summary>
/// The steps of a purge both providers run inside a transaction of their own: mark the expired conversations in
/// <c>purge_ids</c> (which the provider has created empty), then count or delete each of
/// <see cref="RetentionTargets.All"/>.
/// </summary>
internal static class RetentionSweep
{
    /// <summary>
    /// Marks at most <paramref name="limit"/> expired conversations, then deletes their rows and commits
    /// (<paramref name="commit"/>), or counts them and rolls back; returns the counts.
    /// </summary>
    /// <param name="connection">The provider's open connection.</param>
    /// <param name="transaction">Its transaction, in which <c>purge_ids</c> exists and is empty.</param>
    /// <param name="expiredSql">The provider's <see cref="RetentionTargets.ExpiredSql"/>.</param>
    /// <param name="plain">The plain cutoff, as the provider stores times.</param>
    /// <param name="escalated">The escalated cutoff, as the provider stores times.</param>
    /// <param name="limit">The most conversations to mark.</param>
    /// <param name="commit">Delete and commit (a purge) rather than count and roll back (a dry run).</param>
    /// <param name="cancellationToken">Cancels the purge (the transaction is not committed).</param>
    public static async Task<PurgeCounts> RunAsync(
        DbConnection connection, DbTransaction transaction, string expiredSql, object plain, object escalated, int limit, bool commit,
        CancellationToken cancellationToken)
    {
        await MarkAsync(connection, transaction, expiredSql, plain, escalated, limit, cancellationToken);
        if (!commit)
        {
            var counts = await CountAsync(connection, transaction, escalated, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return counts;
        }

        var deleted = await DeleteAsync(connection, transaction, escalated, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static async Task MarkAsync(
        DbConnection connection, DbTransaction transaction, string expiredSql, object plain, object escalated, int limit, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using (var select = Command(connection, transaction, expiredSql, ("@plain", plain), ("@escalated", escalated), ("@limit", limit)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        }

        foreach (var id in ids)
        {
            await using var mark = Command(connection, transaction, "INSERT INTO purge_ids (id, key_hash) VALUES (@id, @hash)", ("@id", id), ("@hash", ActivityKey.Hash(id)));
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static Task<PurgeCounts> CountAsync(DbConnection connection, DbTransaction transaction, object escalated, CancellationToken cancellationToken) =>
        EachAsync(connection, transaction, escalated, "SELECT count(*) FROM {0} WHERE {1}", async c => Convert.ToInt64(await c.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture), cancellationToken);

    private static Task<PurgeCounts> DeleteAsync(DbConnection connection, DbTransaction transaction, object escalated, CancellationToken cancellationToken) =>
        EachAsync(connection, transaction, escalated, "DELETE FROM {0} WHERE {1}", async c => await c.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    private static async Task<PurgeCounts> EachAsync(
        DbConnection connection, DbTransaction transaction, object escalated, string statement, Func<DbCommand, Task<long>> run, CancellationToken cancellationToken)
    {
        var counts = new List<KeyValuePair<string, long>>();
        foreach (var (table, where) in RetentionTargets.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sql = string.Format(CultureInfo.InvariantCulture, statement, table, where);
            await using var command = sql.Contains("@escalated", StringComparison.Ordinal)
                ? Command(connection, transaction, sql, ("@escalated", escalated))
                : Command(connection, transaction, sql);
            counts.Add(KeyValuePair.Create(table, await run(command)));
        }

        return new PurgeCounts(counts);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters) =>
        DbParameters.Command(connection, transaction, sql, parameters);
}

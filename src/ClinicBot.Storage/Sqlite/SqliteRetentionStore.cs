using ClinicBot.Staff.Retention;
using ClinicBot.Storage.Retention;
using static ClinicBot.Storage.Sqlite.SqliteConversationStore;

namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// Retention in the SQLite file: each batch is one <c>BEGIN IMMEDIATE</c> transaction (it finds and deletes with no writer
/// in between, and holds the write lock for one batch only); compaction is <c>VACUUM</c>, then a checkpoint that empties
/// the write-ahead log, so deleted text is left neither in free pages nor in the log.
/// </summary>
public sealed class SqliteRetentionStore(SqliteConnectionFactory connections) : IRetentionStore
{
    private static readonly string Expired = RetentionTargets.ExpiredSql("max", "");

    /// <inheritdoc />
    public Task<PurgeCounts> CountExpiredAsync(RetentionCutoffs cutoffs, CancellationToken cancellationToken) =>
        SweepAsync(cutoffs, int.MaxValue, commit: false, cancellationToken);

    /// <inheritdoc />
    public Task<PurgeCounts> PurgeExpiredAsync(RetentionCutoffs cutoffs, int batchSize, CancellationToken cancellationToken) =>
        SweepAsync(cutoffs, batchSize, commit: true, cancellationToken);

    /// <inheritdoc />
    public Task CompactAsync(CancellationToken cancellationToken) =>
        connections.ExecuteAsync("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);

    private async Task<PurgeCounts> SweepAsync(RetentionCutoffs cutoffs, int limit, bool commit, CancellationToken cancellationToken)
    {
        await using var connection = connections.Open();
        // A dry run only reads (its marks are in the connection's temporary schema); a purge takes the write lock at once.
        await using var transaction = connection.BeginTransaction(deferred: !commit);
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TEMP TABLE IF NOT EXISTS purge_ids (id TEXT PRIMARY KEY, key_hash TEXT NOT NULL); DELETE FROM purge_ids;";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return await RetentionSweep.RunAsync(connection, transaction, Expired, Format(cutoffs.Plain), Format(cutoffs.Escalated), limit, commit, cancellationToken);
    }
}

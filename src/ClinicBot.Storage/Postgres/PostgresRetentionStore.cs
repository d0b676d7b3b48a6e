using ClinicBot.Staff.Retention;
using ClinicBot.Storage.Retention;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// Retention in the shared database: each batch is one transaction that locks the conversations it picks (skipping any
/// another host's purge or a turn holds), so several hosts' jobs share the work. Compaction is left to autovacuum.
/// </summary>
public sealed class PostgresRetentionStore(PostgresDatabase database) : IRetentionStore
{
    private static readonly string Expired = RetentionTargets.ExpiredSql("GREATEST", "");
    private static readonly string ExpiredLocked = RetentionTargets.ExpiredSql("GREATEST", " FOR UPDATE OF c SKIP LOCKED");

    /// <inheritdoc />
    public Task<PurgeCounts> CountExpiredAsync(RetentionCutoffs cutoffs, CancellationToken cancellationToken) =>
        SweepAsync(cutoffs, int.MaxValue, commit: false, cancellationToken);

    /// <inheritdoc />
    public Task<PurgeCounts> PurgeExpiredAsync(RetentionCutoffs cutoffs, int batchSize, CancellationToken cancellationToken) =>
        SweepAsync(cutoffs, batchSize, commit: true, cancellationToken);

    /// <inheritdoc />
    public Task CompactAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<PurgeCounts> SweepAsync(RetentionCutoffs cutoffs, int limit, bool commit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE purge_ids (id text PRIMARY KEY, key_hash text NOT NULL) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return await RetentionSweep.RunAsync(
            connection, transaction, commit ? ExpiredLocked : Expired, cutoffs.Plain.ToUniversalTime(), cutoffs.Escalated.ToUniversalTime(), limit, commit,
            cancellationToken);
    }
}

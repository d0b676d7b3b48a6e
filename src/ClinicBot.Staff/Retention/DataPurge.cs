using ClinicBot.Staff.Audit;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Retention;

/// <summary>
/// Purges what <see cref="RetentionOptions"/> says has expired: batch after batch (each its own short transaction) until
/// none is left, then compacts the database and writes one audit entry with the counts (never any text). The cutoffs
/// are fixed when the purge starts, so a long purge does not chase the clock.
/// </summary>
public sealed class DataPurge(IRetentionStore store, IAuditLog audit, IOptions<RetentionOptions> options, TimeProvider time)
{
    /// <summary>Who the audit entry names as having purged.</summary>
    public const string Actor = "retention";

    /// <summary>The audit entry's action, followed by the counts.</summary>
    public const string Action = "purged";

    /// <summary>The cutoffs a purge starting now would use.</summary>
    public RetentionCutoffs Cutoffs() => RetentionCutoffs.At(time.GetUtcNow(), options.Value);

    /// <summary>What a purge now would delete, per kind; deletes nothing.</summary>
    public Task<PurgeCounts> PreviewAsync(CancellationToken cancellationToken) => store.CountExpiredAsync(Cutoffs(), cancellationToken);

    /// <summary>Deletes everything expired now; returns what it deleted.</summary>
    public async Task<PurgeCounts> RunAsync(CancellationToken cancellationToken)
    {
        var cutoffs = Cutoffs();
        var batchSize = options.Value.PurgeBatchSize;
        var purged = PurgeCounts.None;
        PurgeCounts batch;
        do
        {
            batch = await store.PurgeExpiredAsync(cutoffs, batchSize, cancellationToken);
            purged = purged.Plus(batch);
        }
        while (batch[PurgeCounts.Conversations] >= batchSize);

        if (purged.Total == 0) return purged;
        await store.CompactAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(Actor, $"{Action} {purged}", null, time.GetUtcNow()), cancellationToken);
        return purged;
    }
}

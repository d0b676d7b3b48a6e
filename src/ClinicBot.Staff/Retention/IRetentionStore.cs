namespace ClinicBot.Staff.Retention;

/// <summary>
/// Where the storage finds and deletes expired conversations with every row of patient data tied to them (transcript,
/// channel activities and references, inbox and ledger rows, patient outbox, escalations and their notifications, SMS
/// messages and subscriber); an SMS opt-out is kept (a legal record), and so is the audit log. A conversation's age is
/// the time of its last activity; one with an escalation not yet resolved is never expired.
/// </summary>
public interface IRetentionStore
{
    /// <summary>What purging at <paramref name="cutoffs"/> would delete now, per kind, deleting nothing.</summary>
    Task<PurgeCounts> CountExpiredAsync(RetentionCutoffs cutoffs, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes at most <paramref name="batchSize"/> expired conversations with their rows, in one short transaction;
    /// returns what it deleted (fewer than <paramref name="batchSize"/> conversations: none are left).
    /// </summary>
    Task<PurgeCounts> PurgeExpiredAsync(RetentionCutoffs cutoffs, int batchSize, CancellationToken cancellationToken);

    /// <summary>Gives the space of deleted rows back, so deleted text does not linger in the file (SQLite VACUUM).</summary>
    Task CompactAsync(CancellationToken cancellationToken);
}

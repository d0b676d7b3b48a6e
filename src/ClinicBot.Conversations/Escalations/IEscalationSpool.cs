namespace ClinicBot.Conversations.Escalations;

/// <summary>
/// Where an escalation waits when the database cannot take it: a durable local spool (an append-only file), replayed
/// into the store and the staff queue once writes succeed again. Appending must not need the database.
/// </summary>
public interface IEscalationSpool
{
    /// <summary>Writes the turn durably (flushed to disk) before returning.</summary>
    Task AppendAsync(SpooledTurn turn, CancellationToken cancellationToken);

    /// <summary>Every turn still waiting, oldest first.</summary>
    Task<IReadOnlyList<SpooledTurn>> PendingAsync(CancellationToken cancellationToken);

    /// <summary>Forgets a turn once it is in the store and its escalation raised.</summary>
    Task RemoveAsync(string id, CancellationToken cancellationToken);
}

namespace ClinicBot.Staff.Audit;

/// <summary>The append-only audit log.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry.</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries for one escalation, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ForEscalationAsync(string escalationId, CancellationToken cancellationToken);
}

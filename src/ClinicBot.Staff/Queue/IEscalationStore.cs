using ClinicBot.Staff.Notifications;

namespace ClinicBot.Staff.Queue;

/// <summary>Persistence of escalations and their notification outbox (SQLite by default).</summary>
public interface IEscalationStore
{
    /// <summary>
    /// Stores a new escalation and its pending notification (null when no webhook is configured) in one transaction:
    /// nothing is notified that is not stored. False (nothing stored) when an escalation with its id already is.
    /// </summary>
    Task<bool> InsertAsync(EscalationRecord escalation, OutboxMessage? notification, CancellationToken cancellationToken);

    /// <summary>Escalations sorted by priority (urgent first) then age (oldest first).</summary>
    Task<IReadOnlyList<EscalationRecord>> ListAsync(EscalationFilter filter, CancellationToken cancellationToken);

    /// <summary>One escalation, or null.</summary>
    Task<EscalationRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Moves an escalation from <paramref name="fromStatus"/> to <paramref name="toStatus"/>; false if it was not in that status.</summary>
    Task<bool> TransitionAsync(string id, string fromStatus, string toStatus, string? assignee, DateTimeOffset at, CancellationToken cancellationToken);
}

namespace ClinicBot.Conversations.Escalations;

/// <summary>
/// Where every route that needs staff sends its escalation. Implementations persist it before anything else
/// (notifications read what was persisted), so an escalation is never lost to a failed notification.
/// </summary>
public interface IEscalationSink
{
    /// <summary>Persists the escalation and returns its id.</summary>
    Task<string> RaiseAsync(NewEscalation escalation, CancellationToken cancellationToken);
}

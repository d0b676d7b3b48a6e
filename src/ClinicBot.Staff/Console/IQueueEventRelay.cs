namespace ClinicBot.Staff.Console;

/// <summary>
/// Carries the queue's events to the other instances on the same database, so a console on any host sees a change made
/// on another at once (PostgreSQL's NOTIFY). None is registered with SQLite, which serves one host.
/// </summary>
public interface IQueueEventRelay
{
    /// <summary>Sends an event this instance published to the others; never throws (the console's refresh is the fallback).</summary>
    void Send(QueueEvent queueEvent);
}

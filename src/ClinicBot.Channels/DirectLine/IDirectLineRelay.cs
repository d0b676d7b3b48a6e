namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Tells the other instances on the same database that a Direct Line conversation has new activities in the store, and
/// hears theirs, so a visitor's open WebSocket on one host receives at once what another host appended (a staff reply
/// made on host B reaches the Web Chat streaming from host A): PostgreSQL's NOTIFY/LISTEN. Announcements name the
/// conversation only, never an activity's text; the streams read the activities themselves from the store, after their
/// watermark. None is registered with SQLite, which serves one host: its streams get every activity in-process.
/// </summary>
public interface IDirectLineRelay
{
    /// <summary>
    /// Announces that this instance stored new activities in the conversation; never throws (without it, a stream on
    /// another host shows them at the visitor's next reconnect or poll).
    /// </summary>
    void Announce(string conversationId);

    /// <summary>Raised with the conversation's id when another instance announced new activities in it.</summary>
    event Action<string>? Announced;

    /// <summary>
    /// Raised when this instance hears announcements again after a break (its listening connection dropped and came
    /// back): any conversation may have new activities it was not told of, so every open stream reads the store.
    /// </summary>
    event Action? Resumed;
}

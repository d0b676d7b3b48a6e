using ClinicBot.Channels.Inbox;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// The SMS inbox (the port storage implements): each MessageSid with its sender and text (encrypted) taken in one write
/// before the turn runs, its reply (encrypted) kept once the turn has one, and marked finished once the reply is with
/// Twilio; a retried webhook gets no second reply, and a turn a crash cut short is found again (<see cref="UnfinishedAsync"/>).
/// </summary>
public interface ISmsInboxStore
{
    /// <summary>
    /// Takes a MessageSid with its sender and text (both encrypted by the caller): <see cref="InboundClaim.New"/> the
    /// first time, then <see cref="InboundClaim.Unfinished"/> while its turn has not finished, then
    /// <see cref="InboundClaim.Finished"/>.
    /// </summary>
    Task<InboundClaim> ClaimMessageAsync(
        string messageSid, string phoneHash, string fromEncrypted, string bodyEncrypted, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records that the MessageSid's turn is done (its reply handed to Twilio, or none due).</summary>
    Task FinishMessageAsync(string messageSid, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the reply of the MessageSid's turn (encrypted by the caller) before it is handed to Twilio: a kill after
    /// that leaves it to be looked up in Twilio's Messages, not sent twice.
    /// </summary>
    Task KeepReplyAsync(string messageSid, string replyEncrypted, CancellationToken cancellationToken);

    /// <summary>Messages whose turn never finished (the process stopped mid-turn), oldest first.</summary>
    Task<IReadOnlyList<UnfinishedMessage>> UnfinishedAsync(CancellationToken cancellationToken);
}

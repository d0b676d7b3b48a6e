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
    /// Takes a MessageSid with its sender and text (both encrypted by the caller) under this host's
    /// <see cref="InboxLease"/>: <see cref="InboundClaim.New"/> the first time; while its turn has not finished,
    /// <see cref="InboundClaim.InFlight"/> as long as another host's lease on it is live, else
    /// <see cref="InboundClaim.Unfinished"/> (the lease now this host's); then <see cref="InboundClaim.Finished"/>.
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

    /// <summary>Extends this host's lease on a MessageSid whose turn it runs; false when the lease is no longer its own (or the turn finished).</summary>
    Task<bool> RenewMessageAsync(string messageSid, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Messages whose turn never finished (the process stopped mid-turn), oldest first (read only: nothing is claimed).</summary>
    Task<IReadOnlyList<UnfinishedMessage>> UnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes over, in one atomic step, up to <paramref name="limit"/> unfinished messages whose lease has expired (their
    /// host died, or rows from before leases), oldest first, this host's lease set on each: two hosts recovering at once
    /// never get the same message. A message held under a live lease is left to its host.
    /// </summary>
    Task<IReadOnlyList<UnfinishedMessage>> TakeExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}

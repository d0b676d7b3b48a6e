using ClinicBot.Channels.Inbox;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>
/// Every patient message activity (<c>/api/messages</c>, Direct Line) is written here before its turn runs and marked
/// finished after, so a process killed mid-turn loses nothing: the channel's retry of the activity, or the next start-up,
/// runs the turn then. The host keeps it in SQLite (the activity protected as patient data, and dropped once finished);
/// the default keeps it in memory.
/// </summary>
public interface IActivityInbox
{
    /// <summary>
    /// Takes an activity key with the activity's JSON under this host's <see cref="InboxLease"/>:
    /// <see cref="InboundClaim.New"/> the first time; until <see cref="FinishAsync"/>, <see cref="InboundClaim.InFlight"/>
    /// while another host's lease on it is live, else <see cref="InboundClaim.Unfinished"/> (the lease now this host's);
    /// then <see cref="InboundClaim.Finished"/>.
    /// </summary>
    /// <param name="conversationKey">The activity's conversation (the pipeline's key), so retention can find its rows.</param>
    /// <param name="key">The activity's channel, conversation and id.</param>
    /// <param name="scope">Which processor runs it (<c>botframework</c>, <c>directline</c>): the one that recovers it.</param>
    /// <param name="activityJson">The activity as received, to run again after a crash.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<InboundClaim> ClaimAsync(string conversationKey, string key, string scope, string activityJson, CancellationToken cancellationToken);

    /// <summary>Records that the turn is done (its reply sent, or none due); the activity's text is no longer kept.</summary>
    Task FinishAsync(string key, CancellationToken cancellationToken);

    /// <summary>Extends this host's lease on an activity whose turn it runs; false when the lease is no longer its own (or the turn finished).</summary>
    Task<bool> RenewAsync(string key, CancellationToken cancellationToken);

    /// <summary>The activities of a scope whose turn never finished, oldest first (read only: nothing is claimed).</summary>
    Task<IReadOnlyList<string>> UnfinishedAsync(string scope, CancellationToken cancellationToken);

    /// <summary>
    /// Takes over, in one atomic step, up to <paramref name="limit"/> unfinished activities of a scope whose lease has
    /// expired (their host died, or rows from before leases), oldest first, this host's lease set on each: two hosts
    /// recovering at once never get the same activity. A row held under a live lease is left to its host.
    /// </summary>
    Task<IReadOnlyList<string>> TakeExpiredAsync(string scope, int limit, CancellationToken cancellationToken);
}

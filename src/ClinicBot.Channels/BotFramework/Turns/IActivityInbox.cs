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
    /// Takes an activity key with the activity's JSON: <see cref="InboundClaim.New"/> the first time, then
    /// <see cref="InboundClaim.Unfinished"/> until <see cref="FinishAsync"/>, then <see cref="InboundClaim.Finished"/>.
    /// </summary>
    /// <param name="conversationKey">The activity's conversation (the pipeline's key), so retention can find its rows.</param>
    /// <param name="key">The activity's channel, conversation and id.</param>
    /// <param name="scope">Which processor runs it (<c>botframework</c>, <c>directline</c>): the one that recovers it.</param>
    /// <param name="activityJson">The activity as received, to run again after a crash.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<InboundClaim> ClaimAsync(string conversationKey, string key, string scope, string activityJson, CancellationToken cancellationToken);

    /// <summary>Records that the turn is done (its reply sent, or none due); the activity's text is no longer kept.</summary>
    Task FinishAsync(string key, CancellationToken cancellationToken);

    /// <summary>The activities of a scope whose turn never finished, oldest first.</summary>
    Task<IReadOnlyList<string>> UnfinishedAsync(string scope, CancellationToken cancellationToken);
}

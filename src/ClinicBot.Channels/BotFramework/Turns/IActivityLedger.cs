namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>
/// Remembers what was already done, so a channel's retry of an activity gets no second reply and a conversation
/// gets one welcome per member. The host keeps it in SQLite; the default keeps it in memory.
/// </summary>
public interface IActivityLedger
{
    /// <summary>Claims a key; true the first time it is claimed, false ever after.</summary>
    /// <param name="conversationKey">The conversation the key belongs to (the pipeline's key), so retention can find its rows.</param>
    /// <param name="key">What was done, in that conversation.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    Task<bool> TryClaimAsync(string conversationKey, string key, CancellationToken cancellationToken);
}

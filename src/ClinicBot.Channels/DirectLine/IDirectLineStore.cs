namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Direct Line conversations and their activities, in order. The host keeps them in the SQLite file so a page reload or a
/// restart keeps the transcript; the default keeps them in memory.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>Records a new conversation; false when it already exists (it is left unchanged).</summary>
    Task<bool> TryCreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken);

    /// <summary>The conversation, or null when it was never started.</summary>
    Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an activity (its JSON already carries its id) and returns its sequence number, greater than every earlier
    /// one; an id appended before is not appended again (its sequence number is returned).
    /// </summary>
    Task<long> AppendAsync(string conversationId, string activityId, string type, string json, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> activities with a sequence number above <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredActivity>> ListAsync(string conversationId, long after, int limit, CancellationToken cancellationToken);

    /// <summary>The highest sequence number in the conversation, or -1 when it has none.</summary>
    Task<long> LatestAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Whether an activity with this id was appended.</summary>
    Task<bool> ContainsAsync(string activityId, CancellationToken cancellationToken);
}

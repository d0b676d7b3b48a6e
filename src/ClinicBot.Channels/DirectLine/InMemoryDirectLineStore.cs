using System.Collections.Concurrent;

namespace ClinicBot.Channels.DirectLine;

/// <summary>The store in process memory: enough for a single instance that may forget on restart.</summary>
internal sealed class InMemoryDirectLineStore : IDirectLineStore
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<StoredActivity>> _activities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _ids = new(StringComparer.Ordinal);
    private long _sequence;

    public Task<bool> TryCreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.TryAdd(conversation.Id, conversation));

    public Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.GetValueOrDefault(conversationId));

    public Task<long> AppendAsync(string conversationId, string activityId, string type, string json, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var list = _activities.GetOrAdd(conversationId, _ => []);
        lock (list)
        {
            if (_ids.TryGetValue(activityId, out var existing)) return Task.FromResult(existing);
            var sequence = Interlocked.Increment(ref _sequence);
            list.Add(new StoredActivity(sequence, type, json));
            _ids[activityId] = sequence;
            return Task.FromResult(sequence);
        }
    }

    public Task<IReadOnlyList<StoredActivity>> ListAsync(string conversationId, long after, int limit, CancellationToken cancellationToken)
    {
        if (!_activities.TryGetValue(conversationId, out var list)) return Task.FromResult<IReadOnlyList<StoredActivity>>([]);
        lock (list) return Task.FromResult<IReadOnlyList<StoredActivity>>(list.Where(a => a.Sequence > after).Take(limit).ToList());
    }

    public Task<long> LatestAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (!_activities.TryGetValue(conversationId, out var list)) return Task.FromResult(-1L);
        lock (list) return Task.FromResult(list.Count == 0 ? -1L : list[^1].Sequence);
    }

    public Task<bool> ContainsAsync(string activityId, CancellationToken cancellationToken) => Task.FromResult(_ids.ContainsKey(activityId));
}

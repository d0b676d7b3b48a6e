using System.Collections.Concurrent;
using ClinicBot.Channels.Inbox;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>The inbox in process memory: duplicates are caught, but nothing survives the process.</summary>
internal sealed class InMemoryActivityInbox : IActivityInbox
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _order;

    public Task<InboundClaim> ClaimAsync(string conversationKey, string key, string scope, string activityJson, CancellationToken cancellationToken)
    {
        var entry = new Entry(scope, activityJson, Interlocked.Increment(ref _order));
        if (_entries.TryAdd(key, entry)) return Task.FromResult(InboundClaim.New);
        return Task.FromResult(_entries[key].Finished ? InboundClaim.Finished : InboundClaim.Unfinished);
    }

    public Task FinishAsync(string key, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var entry)) _entries[key] = entry with { Json = "", Finished = true };
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> UnfinishedAsync(string scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(
            _entries.Values.Where(e => !e.Finished && e.Scope == scope).OrderBy(e => e.Order).Select(e => e.Json).ToList());

    private sealed record Entry(string Scope, string Json, long Order, bool Finished = false);
}

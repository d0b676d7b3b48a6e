using ClinicBot.Channels.Inbox;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>The inbox in process memory: duplicates are caught, but nothing survives the process.</summary>
internal sealed class InMemoryActivityInbox(TimeProvider time, InboxLease lease) : IActivityInbox
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _order;

    public Task<InboundClaim> ClaimAsync(string conversationKey, string key, string scope, string activityJson, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                _entries[key] = new Entry(scope, activityJson, ++_order, lease.Owner, now + lease.Duration);
                return Task.FromResult(InboundClaim.New);
            }

            if (entry.Finished) return Task.FromResult(InboundClaim.Finished);
            if (entry.LeaseUntil >= now && entry.Owner != lease.Owner) return Task.FromResult(InboundClaim.InFlight);
            _entries[key] = entry with { Owner = lease.Owner, LeaseUntil = now + lease.Duration };
            return Task.FromResult(InboundClaim.Unfinished);
        }
    }

    public Task<bool> RenewAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry) || entry.Finished || entry.Owner != lease.Owner) return Task.FromResult(false);
            _entries[key] = entry with { LeaseUntil = time.GetUtcNow() + lease.Duration };
            return Task.FromResult(true);
        }
    }

    public Task FinishAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry)) _entries[key] = entry with { Json = "", Finished = true };
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> UnfinishedAsync(string scope, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>(
                _entries.Values.Where(e => !e.Finished && e.Scope == scope).OrderBy(e => e.Order).Select(e => e.Json).ToList());
        }
    }

    public Task<IReadOnlyList<string>> TakeExpiredAsync(string scope, int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var taken = _entries.Where(e => !e.Value.Finished && e.Value.Scope == scope && e.Value.LeaseUntil < now)
                .OrderBy(e => e.Value.Order).Take(limit).ToList();
            foreach (var (key, entry) in taken) _entries[key] = entry with { Owner = lease.Owner, LeaseUntil = now + lease.Duration };
            return Task.FromResult<IReadOnlyList<string>>(taken.Select(e => e.Value.Json).ToList());
        }
    }

    private sealed record Entry(string Scope, string Json, long Order, string Owner, DateTimeOffset LeaseUntil, bool Finished = false);
}

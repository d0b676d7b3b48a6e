using System.Collections.Concurrent;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>The ledger in process memory: enough for one instance that may forget on restart.</summary>
internal sealed class InMemoryActivityLedger : IActivityLedger
{
    private readonly ConcurrentDictionary<string, byte> _claimed = new(StringComparer.Ordinal);

    public Task<bool> TryClaimAsync(string conversationKey, string key, CancellationToken cancellationToken) => Task.FromResult(_claimed.TryAdd(key, 0));
}

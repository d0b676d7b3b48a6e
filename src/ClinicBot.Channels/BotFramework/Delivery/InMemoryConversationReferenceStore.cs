using System.Collections.Concurrent;
using ClinicBot.Channels.BotFramework.Activities;

namespace ClinicBot.Channels.BotFramework.Delivery;

/// <summary>References held in memory: the default until a host registers a persistent store.</summary>
internal sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, Activity> _references = new(StringComparer.Ordinal);

    public Task SaveAsync(string conversationKey, Activity reference, CancellationToken cancellationToken)
    {
        _references[conversationKey] = reference;
        return Task.CompletedTask;
    }

    public Task<Activity?> FindAsync(string conversationKey, CancellationToken cancellationToken) =>
        Task.FromResult(_references.GetValueOrDefault(conversationKey));
}

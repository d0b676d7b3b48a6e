using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ClinicBot.Staff.Console;

/// <summary>
/// Tells every open staff console that the queue changed (new, claimed, replied, resolved), for the live
/// server-sent-events stream. In-process: with several instances each console sees its own instance's events
/// and still refreshes on its periodic poll.
/// </summary>
public sealed class QueueEvents
{
    private readonly ConcurrentDictionary<Guid, Channel<QueueEvent>> _subscribers = new();

    /// <summary>Publishes an event to every subscriber; a slow subscriber drops its oldest events rather than block.</summary>
    public void Publish(QueueEvent queueEvent)
    {
        foreach (var subscriber in _subscribers.Values) subscriber.Writer.TryWrite(queueEvent);
    }

    /// <summary>Subscribes until the token is cancelled.</summary>
    public async IAsyncEnumerable<QueueEvent> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<QueueEvent>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[id] = channel;
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken)) yield return item;
        }
        finally
        {
            _subscribers.TryRemove(id, out _);
        }
    }
}

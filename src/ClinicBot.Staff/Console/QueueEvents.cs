using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ClinicBot.Staff.Console;

/// <summary>
/// Tells every open staff console that the queue changed (new, claimed, replied, resolved), for the live
/// server-sent-events stream. The consoles of this instance hear it at once; with several instances on one database the
/// relays (<see cref="IQueueEventRelay"/>) carry it to the others, and every console still refreshes on its periodic poll.
/// </summary>
public sealed class QueueEvents(IEnumerable<IQueueEventRelay> relays)
{
    private readonly ConcurrentDictionary<Guid, Channel<QueueEvent>> _subscribers = new();
    private readonly IQueueEventRelay[] _relays = relays.ToArray();

    /// <summary>Publishes an event made here to this instance's subscribers and, through the relays, to the other instances'.</summary>
    public void Publish(QueueEvent queueEvent)
    {
        Deliver(queueEvent);
        foreach (var relay in _relays) relay.Send(queueEvent);
    }

    /// <summary>Hands an event to this instance's subscribers only (one a relay received from another instance); a slow subscriber drops its oldest events rather than block.</summary>
    public void Deliver(QueueEvent queueEvent)
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

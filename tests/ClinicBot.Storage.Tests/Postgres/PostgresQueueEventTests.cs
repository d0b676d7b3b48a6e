using ClinicBot.Staff.Console;
using ClinicBot.Storage.Postgres;
using ClinicBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClinicBot.Storage.Tests.Postgres;

/// <summary>
/// Live queue events across hosts (LISTEN/NOTIFY behind <see cref="QueueEvents"/>): an event published through one host's
/// services reaches the other host's console subscribers, and its own subscribers once, not again as an echo.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresQueueEventTests(PostgresServer server)
    : StorageContract(new PostgresBackend(server, typeof(PostgresQueueEventTests)))
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Publish_OnHostA_HostBsSubscriberSeesItAndAsSubscriberOnlyOnce()
    {
        var a = NewHost(configure: services => services.AddSingleton<QueueEvents>());
        var b = NewHost(configure: services => services.AddSingleton<QueueEvents>());
        using var stop = new CancellationTokenSource(Patience);
        foreach (var host in new[] { a, b })
        {
            foreach (var service in host.GetServices<IHostedService>()) await service.StartAsync(stop.Token);
            await host.GetRequiredService<PostgresQueueEventListener>().Listening.WaitAsync(stop.Token);
        }

        var seenOnB = FirstAsync(b, stop.Token);
        var seenOnA = TakeAsync(a, 2, TimeSpan.FromSeconds(2));
        var conversation = NewId("web");
        a.GetRequiredService<QueueEvents>().Publish(new QueueEvent("raised", "esc-1", conversation));

        Assert.Equal(new QueueEvent("raised", "esc-1", conversation), await seenOnB);
        Assert.Equal([new QueueEvent("raised", "esc-1", conversation)], await seenOnA);
        foreach (var host in new[] { a, b })
        {
            foreach (var service in host.GetServices<IHostedService>()) await service.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<QueueEvent> FirstAsync(IServiceProvider host, CancellationToken cancellationToken)
    {
        await foreach (var queueEvent in host.GetRequiredService<QueueEvents>().SubscribeAsync(cancellationToken)) return queueEvent;
        throw new InvalidOperationException("The subscription ended without an event.");
    }

    // Every event within the window: an echo of A's own event would arrive as a second one.
    private static async Task<List<QueueEvent>> TakeAsync(IServiceProvider host, int most, TimeSpan window)
    {
        var seen = new List<QueueEvent>();
        using var stop = new CancellationTokenSource(window);
        try
        {
            await foreach (var queueEvent in host.GetRequiredService<QueueEvents>().SubscribeAsync(stop.Token))
            {
                seen.Add(queueEvent);
                if (seen.Count == most) break;
            }
        }
        catch (OperationCanceledException)
        {
            // The window closed.
        }

        return seen;
    }
}

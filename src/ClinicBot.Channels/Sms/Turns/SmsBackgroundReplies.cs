using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace ClinicBot.Channels.Sms;

/// <summary>Replies still being composed or sent after the webhook answered; the host waits for them when it stops.</summary>
internal sealed class SmsBackgroundReplies : IHostedService
{
    private readonly ConcurrentDictionary<Task, byte> _pending = new();

    public void Track(Task task)
    {
        _pending.TryAdd(task, 0);
        task.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Completes when every reply now pending is done (tests wait on it).</summary>
    public Task IdleAsync() => Task.WhenAll(_pending.Keys);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await IdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout won.
        }
    }
}

namespace ClinicBot.Channels.Inbox;

/// <summary>
/// Keeps a running turn's inbox lease alive: renews it every <see cref="InboxLease.RenewEvery"/> until disposed (the
/// turn finished or was abandoned), so a long turn (an LLM's answer) is not taken over by another host. A renewal that
/// finds the lease gone (another host took it over, or the turn finished) stops renewing; one that fails (the database)
/// is tried again at the next interval. The one piece both inboxes (SMS, Bot Framework) use.
/// </summary>
public sealed class InboxLeaseRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private InboxLeaseRenewal(Func<CancellationToken, Task<bool>> renew, InboxLease lease, TimeProvider time, Action<Exception>? failed)
    {
        _loop = LoopAsync(renew, lease.RenewEvery, time, failed, _stop.Token);
    }

    /// <summary>Starts renewing; dispose to stop.</summary>
    /// <param name="renew">Renews the lease; false when it is no longer this host's.</param>
    /// <param name="lease">This host's lease (how often to renew).</param>
    /// <param name="time">The clock the interval is measured on.</param>
    /// <param name="failed">Told of a renewal that threw (the next is tried all the same).</param>
    public static InboxLeaseRenewal Start(Func<CancellationToken, Task<bool>> renew, InboxLease lease, TimeProvider time, Action<Exception>? failed = null) =>
        new(renew, lease, time, failed);

    private static async Task LoopAsync(Func<CancellationToken, Task<bool>> renew, TimeSpan every, TimeProvider time, Action<Exception>? failed, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(every, time, stop);
                try
                {
                    if (!await renew(stop)) return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed?.Invoke(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the turn is over.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}

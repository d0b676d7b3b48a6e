using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.Inbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>
/// At start-up and then every lease duration, the message activities whose turn never finished and whose lease has
/// expired (a crash, a kill, a host that died mid-turn) are taken over and run by their processor, and answered as a
/// live turn is (through the Connector, or into the channel's <see cref="IReplySink"/>): a crisis typed into Web Chat or
/// Teams is escalated even though the process that received it died, within about two lease durations, by whichever
/// live host takes it first (only one does). One per inbox scope.
/// </summary>
internal sealed class ActivityInboxRecovery(
    ActivityProcessor processor, IReplySink? sink, Action<Activity>? admit, InboxLease lease, TimeProvider time, ILogger<ActivityInboxRecovery> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await processor.RecoverAsync(sink, admit, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database may be down: the activities stay unfinished for the next round or the channel's retry.
                    BotFrameworkLog.RecoveryFailed(logger, sink?.InboxScope ?? BotFrameworkServiceCollectionExtensions.InboxScope, ex);
                }

                await Task.Delay(lease.Duration, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}

using ClinicBot.Channels.BotFramework.Activities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>
/// At start-up, the message activities a stopped process left mid-turn (a crash, a kill) are run by their processor
/// and answered as a live turn is (through the Connector, or into the channel's <see cref="IReplySink"/>): a crisis typed
/// into Web Chat or Teams is escalated even though the process that received it died. One per inbox scope.
/// </summary>
internal sealed class ActivityInboxRecovery(
    ActivityProcessor processor, IReplySink? sink, Action<Activity>? admit, ILogger<ActivityInboxRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await processor.RecoverAsync(sink, admit, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may be down at start-up too: the activities stay unfinished for the next start or retry.
            BotFrameworkLog.RecoveryFailed(logger, sink?.InboxScope ?? BotFrameworkServiceCollectionExtensions.InboxScope, ex);
        }
    }
}

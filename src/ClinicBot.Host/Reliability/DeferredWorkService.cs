using ClinicBot.Channels.DirectLine;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.Escalations;

namespace ClinicBot.Host.Reliability;

/// <summary>
/// Finishes the work a failure deferred, at start-up and then every few seconds: escalations from the spool into the
/// store and the staff queue (<see cref="SpoolReplay"/>), and queued messages to patients whose channel was down
/// (<see cref="PatientMessenger.RetryDueAsync"/>), and Web Chat activities the database refused
/// (<see cref="DirectLineTranscript.WriteUnwrittenAsync"/>). <see cref="SpoolWaiting"/> feeds <c>/readyz</c>.
/// </summary>
internal sealed partial class DeferredWorkService(
    SpoolReplay spool, PatientMessenger messenger, DirectLineTranscript webChat, ILogger<DeferredWorkService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Spooled escalations not yet in the store, as of the last round.</summary>
    public int SpoolWaiting { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                SpoolWaiting = await spool.ReplayAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The spool file itself could not be read: keep trying, never stop the host.
                Failed(logger, "escalation spool", ex);
            }

            try
            {
                await messenger.RetryDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(logger, "patient outbox", ex);
            }

            await webChat.WriteUnwrittenAsync(stoppingToken);
            await Task.Delay(Interval, stoppingToken);
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Deferred work ({Work}) could not be read; trying again shortly")]
    private static partial void Failed(ILogger logger, string work, Exception exception);
}

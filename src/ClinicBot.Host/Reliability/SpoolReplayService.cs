using ClinicBot.Conversations.Escalations;

namespace ClinicBot.Host.Reliability;

/// <summary>
/// Replays the escalation spool into the store and the staff queue: at start-up (turns spooled before a crash or a
/// restart) and then every few seconds while anything waits. <see cref="Waiting"/> feeds <c>/readyz</c>.
/// </summary>
internal sealed partial class SpoolReplayService(SpoolReplay replay, ILogger<SpoolReplayService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Spooled turns not yet in the store, as of the last round.</summary>
    public int Waiting { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Waiting = await replay.ReplayAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The spool file itself could not be read: keep trying, never stop the host.
                ReplayFailed(logger, ex);
            }

            await Task.Delay(Interval, stoppingToken);
        }
    }

    [LoggerMessage(1, LogLevel.Error, "The escalation spool could not be read")]
    private static partial void ReplayFailed(ILogger logger, Exception exception);
}

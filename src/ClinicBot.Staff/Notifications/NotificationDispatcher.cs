using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Notifications;

/// <summary>
/// Delivers the outbox: on every signal or poll it sends what is due; a failure is recorded with an exponential
/// backoff and tried again later, so a webhook that is down gets its notifications when it recovers.
/// </summary>
public sealed partial class NotificationDispatcher(
    IOutboxStore outbox,
    WebhookSender sender,
    NotificationSignal signal,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 20;

    /// <summary>Sends every due message once; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        if (!sender.IsConfigured) return 0;

        var delivered = 0;
        foreach (var message in await outbox.DueAsync(time.GetUtcNow(), BatchSize, cancellationToken))
        {
            if (await sender.SendAsync(message.Body, cancellationToken))
            {
                await outbox.MarkSentAsync(message.Id, time.GetUtcNow(), cancellationToken);
                LogDelivered(logger, message.EscalationId);
                delivered++;
                continue;
            }

            var attempts = message.Attempts + 1;
            var backoff = TimeSpan.FromSeconds(Math.Min(options.Value.MaxBackoff.TotalSeconds, Math.Pow(2, attempts)));
            await outbox.MarkFailedAsync(message.Id, attempts, time.GetUtcNow() + backoff, cancellationToken);
            LogFailed(logger, message.EscalationId, attempts, backoff);
        }

        return delivered;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The outbox keeps the messages; log and keep the loop alive.
                LogLoopError(logger, ex);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation {EscalationId} notification delivered")]
    private static partial void LogDelivered(ILogger logger, string escalationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation {EscalationId} notification failed (attempt {Attempts}); retrying in {Backoff}")]
    private static partial void LogFailed(ILogger logger, string escalationId, int attempts, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification dispatcher loop failed")]
    private static partial void LogLoopError(ILogger logger, Exception exception);
}

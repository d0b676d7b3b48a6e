using ClinicBot.Channels.Inbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// At start-up and then every lease duration, the texts whose turn never finished and whose lease has expired (a crash,
/// a kill, a host that died mid-turn) are taken over, handled, and their replies sent through the REST API unless Twilio
/// already has them: a crisis text escalated and answered even though the host that received it died, within about two
/// lease durations, by one live host only.
/// </summary>
internal sealed partial class SmsInboxRecovery(
    SmsInbox inbox, SmsConversations conversations, InboxLease lease, TimeProvider time, ILogger<SmsInboxRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!conversations.Ready) return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await inbox.RecoverAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database may be down; the messages stay unfinished for the next round or Twilio's retry.
                    RecoveryFailed(logger, ex);
                }

                await Task.Delay(lease.Duration, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Unfinished SMS turns could not be recovered")]
    private static partial void RecoveryFailed(ILogger logger, Exception exception);
}

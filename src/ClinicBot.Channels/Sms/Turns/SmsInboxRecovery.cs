using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// At start-up, the texts a stopped process left mid-turn (a crash, a kill) are handled and their replies sent through
/// the REST API: a crisis text escalated and answered even though the process that received it died.
/// </summary>
internal sealed partial class SmsInboxRecovery(
    SmsInbox inbox, SmsConversations conversations, SmsOutbound outbound, ILogger<SmsInboxRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!conversations.Ready) return;
        try
        {
            await inbox.RecoverAsync(
                async (turn, ct) =>
                {
                    if (turn.Text.Length > 0) await outbound.SendAsync(turn.PhoneHash, turn.Text, ct);
                },
                stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may be down at start-up too; the messages stay unfinished for the next start or retry.
            RecoveryFailed(logger, ex);
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Unfinished SMS turns could not be recovered at start-up")]
    private static partial void RecoveryFailed(ILogger logger, Exception exception);
}

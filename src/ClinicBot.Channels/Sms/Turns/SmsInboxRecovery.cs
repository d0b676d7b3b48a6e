using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// At start-up, the texts a stopped process left mid-turn (a crash, a kill) are handled and their replies sent through
/// the REST API unless Twilio already has them: a crisis text escalated and answered even though the process that
/// received it died, and answered once.
/// </summary>
internal sealed partial class SmsInboxRecovery(
    SmsInbox inbox, SmsConversations conversations, TimeProvider time, ILogger<SmsInboxRecovery> logger) : BackgroundService
{
    // Made when the host starts, before it takes a request: texts received since are this process's own.
    private readonly DateTimeOffset _started = time.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!conversations.Ready) return;
        try
        {
            await inbox.RecoverAsync(_started, stoppingToken);
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

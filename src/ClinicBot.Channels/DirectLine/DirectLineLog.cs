using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.DirectLine;

/// <summary>Direct Line log messages: ids and outcomes, never message text.</summary>
internal static partial class DirectLineLog
{
    [LoggerMessage(1, LogLevel.Information, "Direct Line conversation {ConversationId} started ({Locale})")]
    public static partial void Started(ILogger logger, string conversationId, string locale);

    [LoggerMessage(2, LogLevel.Debug, "Direct Line conversation {ConversationId}: visitor posted a {Type}")]
    public static partial void Posted(ILogger logger, string conversationId, string type);

    [LoggerMessage(3, LogLevel.Warning, "Direct Line conversation {ConversationId}: the welcome could not be sent")]
    public static partial void WelcomeFailed(ILogger logger, string conversationId, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Direct Line request refused ({Status} {Code}): {Reason}")]
    public static partial void Refused(ILogger logger, int status, string code, string reason);

    [LoggerMessage(5, LogLevel.Error, "Direct Line conversation {ConversationId}: the bot failed on an activity")]
    public static partial void BotFailed(ILogger logger, string conversationId, Exception exception);

    [LoggerMessage(6, LogLevel.Debug, "Direct Line conversation {ConversationId}: stream opened")]
    public static partial void StreamOpened(ILogger logger, string conversationId);

    [LoggerMessage(7, LogLevel.Debug, "Direct Line conversation {ConversationId}: stream closed")]
    public static partial void StreamClosed(ILogger logger, string conversationId);

    [LoggerMessage(8, LogLevel.Warning, "Azure Direct Line token exchange failed: {Outcome}")]
    public static partial void AzureExchangeFailed(ILogger logger, string outcome, Exception? exception);

    [LoggerMessage(9, LogLevel.Information, "Web chat token issued for conversation {ConversationId} ({Mode})")]
    public static partial void TokenIssued(ILogger logger, string conversationId, string mode);

    [LoggerMessage(10, LogLevel.Error, "Direct Line conversation {ConversationId}: the message could not be written to the inbox; the safety net answers it")]
    public static partial void ClaimFailed(ILogger logger, string conversationId, Exception exception);

    [LoggerMessage(11, LogLevel.Warning, "Direct Line conversation {ConversationId}: a message the stopped process had taken was recorded at start-up")]
    public static partial void EchoRecovered(ILogger logger, string conversationId);

    [LoggerMessage(12, LogLevel.Error, "Direct Line messages left unrecorded by a stopped process could not be recorded at start-up")]
    public static partial void EchoRecoveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(13, LogLevel.Warning, "Direct Line conversation {ConversationId}: its channel address could not be recorded; staff replies find it by its id")]
    public static partial void AddressFailed(ILogger logger, string conversationId, Exception exception);

    [LoggerMessage(14, LogLevel.Warning, "Direct Line conversation {ConversationId}: the open stream could not read the new activities; it tries again shortly")]
    public static partial void StreamBehind(ILogger logger, string conversationId, Exception exception);
}

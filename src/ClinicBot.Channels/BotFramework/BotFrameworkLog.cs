using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.BotFramework;

/// <summary>
/// Every log line of the Bot Framework channel. Ids, types and outcomes only: never message text,
/// conversation ids (an SMS conversation id can hold a phone number) or names.
/// </summary>
internal static partial class BotFrameworkLog
{
    [LoggerMessage(1, LogLevel.Warning, "MicrosoftAppId is not configured: Bot Framework authentication is OFF and /api/messages accepts anonymous requests from loopback only. Configure MicrosoftAppId before exposing the host.")]
    public static partial void AnonymousMode(ILogger logger);

    [LoggerMessage(2, LogLevel.Warning, "Rejected a Bot Framework request with 401: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Information, "Rejected a Bot Framework request with 400: {Reason}")]
    public static partial void BadRequest(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Debug, "Activity {ActivityId} of type {ActivityType} from channel {ChannelId}")]
    public static partial void Received(ILogger logger, string? activityId, string activityType, string? channelId);

    [LoggerMessage(5, LogLevel.Information, "Activity {ActivityId} from channel {ChannelId} was already processed; ignoring the duplicate")]
    public static partial void Duplicate(ILogger logger, string activityId, string? channelId);

    [LoggerMessage(6, LogLevel.Error, "Turn for activity {ActivityId} failed; sending the safe fallback reply")]
    public static partial void TurnFailed(ILogger logger, string? activityId, Exception exception);

    [LoggerMessage(7, LogLevel.Debug, "Sent {ActivityType} to {ServiceHost}: HTTP {Status}, correlation {CorrelationId}")]
    public static partial void Sent(ILogger logger, string? activityType, string serviceHost, int status, string? correlationId);

    [LoggerMessage(8, LogLevel.Error, "Could not deliver {ActivityType} replying to {ActivityId} via {ServiceHost}")]
    public static partial void DeliveryFailed(ILogger logger, string? activityType, string? activityId, string serviceHost, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Refusing to send a bot token to {ServiceHost}: the serviceUrl did not arrive on a validated activity")]
    public static partial void UntrustedServiceUrl(ILogger logger, string serviceHost);

    [LoggerMessage(11, LogLevel.Information, "Handoff status for activity {ActivityId}: {State}")]
    public static partial void HandoffStatus(ILogger logger, string? activityId, string state);

    [LoggerMessage(12, LogLevel.Debug, "Ignored activity {ActivityId} of type {ActivityType}")]
    public static partial void Ignored(ILogger logger, string? activityId, string activityType);

    [LoggerMessage(13, LogLevel.Warning, "Typing indicator for activity {ActivityId} could not be sent")]
    public static partial void TypingFailed(ILogger logger, string? activityId, Exception exception);

    [LoggerMessage(14, LogLevel.Information, "Signing key not found in the cached OpenID metadata; refreshing it")]
    public static partial void RefreshingKeys(ILogger logger);

    [LoggerMessage(15, LogLevel.Debug, "Acquired a Connector token valid until {ExpiresOn}")]
    public static partial void TokenAcquired(ILogger logger, DateTimeOffset expiresOn);

    [LoggerMessage(17, LogLevel.Warning, "Activity {ActivityId} from channel {ChannelId} was taken before but its turn never finished; running it now")]
    public static partial void Resumed(ILogger logger, string? activityId, string? channelId);

    [LoggerMessage(18, LogLevel.Error, "A finished turn could not be marked finished in the inbox; a restart will run it again")]
    public static partial void FinishFailed(ILogger logger, Exception exception);

    [LoggerMessage(19, LogLevel.Error, "Unfinished {Scope} turns could not be recovered")]
    public static partial void RecoveryFailed(ILogger logger, string scope, Exception exception);

    [LoggerMessage(20, LogLevel.Error, "Refused activity {ActivityId} from channel {ChannelId}: {Reason}")]
    public static partial void Refused(ILogger logger, string? activityId, string? channelId, string reason);

    [LoggerMessage(21, LogLevel.Information, "Activity {ActivityId} from channel {ChannelId} is being handled by another host now (its inbox lease is live); no second reply")]
    public static partial void InFlight(ILogger logger, string activityId, string? channelId);

    [LoggerMessage(22, LogLevel.Warning, "The inbox lease of activity {ActivityId} could not be renewed; it is tried again")]
    public static partial void RenewFailed(ILogger logger, string? activityId, Exception exception);
}

using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// Every log line of the SMS channel. MessageSids, hashed phone ids (the first 12 hex digits of the HMAC) and outcomes
/// only: never a phone number, a message's text or a conversation's words.
/// </summary>
internal static partial class SmsLog
{
    [LoggerMessage(1, LogLevel.Warning, "Rejected an SMS webhook with 403: {Reason}")]
    public static partial void Forbidden(ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Information, "Rejected an SMS webhook with 400: {Reason}")]
    public static partial void BadRequest(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Information, "SMS {MessageSid} from {PhoneId} was already processed; no second reply")]
    public static partial void Duplicate(ILogger logger, string messageSid, string phoneId);

    [LoggerMessage(4, LogLevel.Debug, "SMS {MessageSid} from {PhoneId}: keyword {Keyword}, route {Route}, reply by {Delivery} ({Segments} segments)")]
    public static partial void Handled(ILogger logger, string messageSid, string phoneId, SmsKeyword keyword, string route, string delivery, int segments);

    [LoggerMessage(5, LogLevel.Information, "Phone {PhoneId} opted out of SMS")]
    public static partial void OptedOut(ILogger logger, string phoneId);

    [LoggerMessage(6, LogLevel.Information, "Phone {PhoneId} opted back in to SMS")]
    public static partial void OptedIn(ILogger logger, string phoneId);

    [LoggerMessage(7, LogLevel.Information, "Not texting phone {PhoneId}: it opted out")]
    public static partial void Suppressed(ILogger logger, string phoneId);

    [LoggerMessage(8, LogLevel.Error, "Turn for SMS {MessageSid} failed; the safety net replies")]
    public static partial void TurnFailed(ILogger logger, string messageSid, Exception exception);

    [LoggerMessage(9, LogLevel.Debug, "Sent an SMS to phone {PhoneId}: {TwilioSid}")]
    public static partial void Sent(ILogger logger, string phoneId, string? twilioSid);

    [LoggerMessage(10, LogLevel.Warning, "Twilio refused an SMS to phone {PhoneId}: HTTP {Status}, error {ErrorCode}")]
    public static partial void Refused(ILogger logger, string phoneId, int status, int? errorCode);

    [LoggerMessage(12, LogLevel.Error, "Reply to SMS {MessageSid} could not be sent through the REST API")]
    public static partial void BackgroundSendFailed(ILogger logger, string messageSid, Exception exception);

    [LoggerMessage(13, LogLevel.Warning, "A crisis SMS reply needs {Segments} segments; the crisis templates must fit one")]
    public static partial void CrisisTooLong(ILogger logger, int segments);

    [LoggerMessage(14, LogLevel.Warning, "SMS webhook called but Sms:Twilio:AuthToken is not configured; answering 503")]
    public static partial void NotConfigured(ILogger logger);

    [LoggerMessage(16, LogLevel.Error, "Could not record SMS {MessageSid} in the inbox (database); the safety net answers")]
    public static partial void ClaimFailed(ILogger logger, string messageSid, Exception exception);

    [LoggerMessage(17, LogLevel.Warning, "SMS {MessageSid}: its turn never finished (the process stopped); running it now")]
    public static partial void Resumed(ILogger logger, string messageSid);

    [LoggerMessage(18, LogLevel.Error, "SMS {MessageSid}: the turn is done but could not be marked finished")]
    public static partial void FinishFailed(ILogger logger, string messageSid, Exception exception);

    [LoggerMessage(19, LogLevel.Warning, "Phone {PhoneId} opted out but sent a crisis message: texting the crisis reply only; the escalation is raised")]
    public static partial void CrisisToOptedOut(ILogger logger, string phoneId);

    [LoggerMessage(20, LogLevel.Error, "An SMS turn from Azure Bot Service's SMS channel failed; the safety net replies under the SMS rules")]
    public static partial void ActivityTurnFailed(ILogger logger, Exception exception);

    [LoggerMessage(21, LogLevel.Warning, "SMS {MessageSid}: its reply was ready when the process stopped; Twilio already had it, so it is not sent again")]
    public static partial void ReplyFoundAtTwilio(ILogger logger, string messageSid);

    [LoggerMessage(22, LogLevel.Warning, "SMS {MessageSid}: its reply was ready when the process stopped and Twilio does not have it; sending it now")]
    public static partial void ReplyResent(ILogger logger, string messageSid);

    [LoggerMessage(23, LogLevel.Warning, "SMS {MessageSid}: Twilio's Messages could not be read to see whether the reply left; sending it (twice beats never)")]
    public static partial void ReplyCheckFailed(ILogger logger, string messageSid, Exception exception);

    [LoggerMessage(24, LogLevel.Warning, "SMS {MessageSid}: its reply could not be kept in the inbox; a kill before it finishes would send it again")]
    public static partial void KeepReplyFailed(ILogger logger, string messageSid, Exception exception);

    /// <summary>The short, non-reversible id logs use for a phone: a prefix of its HMAC.</summary>
    public static string PhoneId(string phoneHash) => phoneHash.Length > 12 ? phoneHash[..12] : phoneHash;

    [LoggerMessage(25, LogLevel.Warning, "SMS {PhoneId}: the conversation's channel address could not be recorded; staff replies find it by its id")]
    public static partial void AddressFailed(ILogger logger, string phoneId, Exception exception);

    [LoggerMessage(26, LogLevel.Information, "SMS {MessageSid} from {PhoneId} is being handled by another host now (its inbox lease is live); no second reply")]
    public static partial void InFlight(ILogger logger, string messageSid, string phoneId);

    [LoggerMessage(27, LogLevel.Warning, "SMS {MessageSid}: its inbox lease could not be renewed; it is tried again")]
    public static partial void RenewFailed(ILogger logger, string messageSid, Exception exception);
}

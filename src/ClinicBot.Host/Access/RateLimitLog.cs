namespace ClinicBot.Host.Access;

/// <summary>Rate-limit log lines: the rule and the wait only, never the address, conversation or number.</summary>
internal static partial class RateLimitLog
{
    [LoggerMessage(1, LogLevel.Warning, "Rate limit {Rule} refused a request (429, retry after {Seconds} s)")]
    public static partial void Refused(ILogger logger, string rule, int seconds);
}

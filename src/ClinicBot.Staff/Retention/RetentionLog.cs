using Microsoft.Extensions.Logging;

namespace ClinicBot.Staff.Retention;

/// <summary>What the retention job logs: counts and kinds of error, never message text or phone numbers.</summary>
internal static partial class RetentionLog
{
    [LoggerMessage(1, LogLevel.Information, "Retention purge deleted {Counts}")]
    public static partial void Purged(ILogger logger, string counts);

    [LoggerMessage(2, LogLevel.Error, "Retention purge failed ({ErrorType}); trying again in {Interval}")]
    public static partial void Failed(ILogger logger, string errorType, TimeSpan interval);
}

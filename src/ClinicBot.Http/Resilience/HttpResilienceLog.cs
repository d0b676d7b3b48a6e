using Microsoft.Extensions.Logging;

namespace ClinicBot.Http.Resilience;

/// <summary>The resilience pipeline's log lines: the client's name, attempts, waits and outcomes (a status or an exception type), never a URL's path or a body.</summary>
internal static partial class HttpResilienceLog
{
    [LoggerMessage(1, LogLevel.Warning, "{Client} call will be retried (attempt {Attempt}) in {Delay}: {Outcome}")]
    public static partial void Retrying(ILogger logger, string client, int attempt, TimeSpan delay, string outcome);

    [LoggerMessage(2, LogLevel.Warning, "{Client} circuit opened for {BreakDuration}")]
    public static partial void CircuitOpened(ILogger logger, string client, TimeSpan breakDuration);
}

using Microsoft.Extensions.Logging;

namespace ClinicBot.Llm;

/// <summary>What the model calls' resilience did: attempts, statuses and delays, never message text.</summary>
internal static partial class LlmLog
{
    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "Language model attempt failed ({Failure}); retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, int attempt, string failure, double delayMs);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Error, Message = "Language model circuit opened for {Seconds} s: answers are extractive until it closes")]
    public static partial void CircuitOpened(ILogger logger, double seconds);
}

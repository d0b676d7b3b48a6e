using Microsoft.Extensions.Logging;

namespace ClinicBot.Answering.Generative;

/// <summary>Outcomes of generative answers: counts, verdicts and reasons, never the question or the answer text.</summary>
internal static partial class GenerativeLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Generative answer: {Kept} of {Drafted} sentences verified, {Passages} passages sent")]
    public static partial void Generated(ILogger logger, int kept, int drafted, int passages);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Generative answer replaced by the extractive answer: {Reason}")]
    public static partial void FellBack(ILogger logger, string reason);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "The language model call failed ({ErrorType}); the extractive answer is used")]
    public static partial void ModelFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Debug, Message = "Generated sentence {Index} citing [{Markers}]: {Verdict}")]
    public static partial void SentenceChecked(ILogger logger, int index, string markers, SentenceVerdict verdict);
}

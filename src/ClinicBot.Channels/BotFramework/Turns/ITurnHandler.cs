using ClinicBot.Conversations.Turns;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>Runs one patient turn. The host's implementation is the one <see cref="TurnPipeline"/>; tests may wrap it (slow or failing turns).</summary>
public interface ITurnHandler
{
    /// <summary>The reply to one message.</summary>
    Task<Reply> HandleAsync(TurnRequest request, CancellationToken cancellationToken);

    /// <summary>The request as the pipeline would see it (an SMS patient by the hash of their number, never the number).</summary>
    TurnRequest Identify(TurnRequest request) => request;

    /// <summary>
    /// Why an activity of this request's channel cannot be served here (an SMS text while the SMS rules cannot run), or
    /// null. A refused activity is neither stored nor answered.
    /// </summary>
    string? RefusalReason(TurnRequest request) => null;
}

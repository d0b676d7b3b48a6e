using ClinicBot.Channels.Sms;
using ClinicBot.Conversations.Turns;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>
/// Every Bot Framework message goes through the one turn pipeline: triage first, then the answer. Texts from Azure's
/// SMS channel first pass the SMS rules (keywords, opt-out, hashed conversation id, two-segment replies).
/// </summary>
internal sealed class PipelineTurnHandler(TurnPipeline pipeline, SmsTurnFilter? sms = null) : ITurnHandler
{
    public Task<Reply> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        sms is null ? pipeline.HandleAsync(request, cancellationToken) : sms.HandleAsync(request, pipeline.HandleAsync, cancellationToken);

    public TurnRequest Identify(TurnRequest request) => sms is null ? request : sms.Identify(request);
}

using ClinicBot.Channels.Sms;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>
/// Every Bot Framework message goes through the one turn pipeline: triage first, then the answer. Texts from Azure's
/// SMS channel first pass the SMS rules (keywords, opt-out, hashed conversation id, two-segment replies); without them
/// (the SMS channel not registered, or its phone keys unset) an SMS text is refused, never answered as a question.
/// </summary>
internal sealed class PipelineTurnHandler(TurnPipeline pipeline, SmsTurnFilter? sms = null) : ITurnHandler
{
    private const string NotRegistered = "SMS is not registered in this host (AddSms): STOP, START and HELP cannot be honoured";

    public Task<Reply> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        sms is null ? pipeline.HandleAsync(request, cancellationToken) : sms.HandleAsync(request, pipeline.HandleAsync, cancellationToken);

    public TurnRequest Identify(TurnRequest request) => sms is null ? request : sms.Identify(request);

    public string? RefusalReason(TurnRequest request) =>
        sms is not null ? sms.RefusalReason(request) : request.Channel == Channel.Sms ? NotRegistered : null;
}

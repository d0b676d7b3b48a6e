using ClinicBot.Conversations.Turns;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>Every Bot Framework message goes through the one turn pipeline: triage first, then the answer.</summary>
internal sealed class PipelineTurnHandler(TurnPipeline pipeline) : ITurnHandler
{
    public Task<Reply> HandleAsync(TurnRequest request, CancellationToken cancellationToken) => pipeline.HandleAsync(request, cancellationToken);
}

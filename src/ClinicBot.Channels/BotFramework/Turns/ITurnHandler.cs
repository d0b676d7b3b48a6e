using ClinicBot.Conversations.Turns;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>Runs one patient turn. The host's implementation is the one <see cref="TurnPipeline"/>; tests may wrap it (slow or failing turns).</summary>
public interface ITurnHandler
{
    /// <summary>The reply to one message.</summary>
    Task<Reply> HandleAsync(TurnRequest request, CancellationToken cancellationToken);
}

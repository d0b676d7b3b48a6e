using ClinicBot.Conversations.State;
using ClinicBot.Conversations.Turns;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Conversations.Escalations;

/// <summary>
/// Moves spooled turns into the store once it takes writes again: the patient's message and the bot's reply into the
/// transcript, the crisis flag, then the escalation through the sink (persisted, then staff notified), and only then
/// out of the spool. Stops at the first failure and tries again on the next round; a turn is raised at least once.
/// </summary>
public sealed partial class SpoolReplay(
    IEscalationSpool spool, IConversationStore conversations, IEscalationSink escalations, ILogger<SpoolReplay> logger)
{
    /// <summary>Replays what it can; returns how many turns are still waiting.</summary>
    public async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        var pending = await spool.PendingAsync(cancellationToken);
        for (var i = 0; i < pending.Count; i++)
        {
            var (turn, escalation) = (pending[i], pending[i].Escalation);
            try
            {
                var at = escalation.CreatedAt;
                await conversations.AppendAsync(escalation.ConversationId, escalation.Channel, new TranscriptEntry("patient", turn.PatientText, null, [], at), cancellationToken);
                await conversations.AppendAsync(escalation.ConversationId, escalation.Channel, new TranscriptEntry("bot", turn.ReplyText, turn.ReplyRoute, [], at), cancellationToken);
                if (turn.ReplyRoute == Routes.Crisis) await conversations.MarkCrisisAsync(escalation.ConversationId, at, cancellationToken);
                await escalations.RaiseAsync(escalation, cancellationToken);
                await spool.RemoveAsync(turn.Id, cancellationToken);
                Replayed(logger, escalation.ConversationId, escalation.Priority);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                StillFailing(logger, pending.Count - i, ex);
                return pending.Count - i;
            }
        }

        return 0;
    }

    [LoggerMessage(1, LogLevel.Warning, "Spooled escalation for conversation {ConversationId} ({Priority}) is now in the staff queue")]
    private static partial void Replayed(ILogger logger, string conversationId, string priority);

    [LoggerMessage(2, LogLevel.Error, "{Waiting} spooled escalation(s) still wait: the database does not take them yet")]
    private static partial void StillFailing(ILogger logger, int waiting, Exception exception);
}

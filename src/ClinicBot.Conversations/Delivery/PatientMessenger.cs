using ClinicBot.Conversations.State;
using ClinicBot.Prompts;

namespace ClinicBot.Conversations.Delivery;

/// <summary>
/// Puts a staff member's words (or a notice) into the patient's transcript and their channel. The transcript entry is
/// written first, so a delivery failure never loses what staff said.
/// </summary>
public sealed class PatientMessenger(IEnumerable<IChannelDelivery> deliveries, IConversationStore conversations, TimeProvider time)
{
    /// <summary>Records and delivers; false when no channel could take it (it is still in the transcript).</summary>
    public async Task<bool> SendAsync(string conversationId, Channel channel, string author, string text, CancellationToken cancellationToken)
    {
        await conversations.AppendAsync(conversationId, channel, new TranscriptEntry(author, text, null, [], time.GetUtcNow()), cancellationToken);
        foreach (var delivery in deliveries)
        {
            if (!await delivery.CanDeliverAsync(conversationId, cancellationToken)) continue;
            await delivery.SendAsync(conversationId, text, cancellationToken);
            return true;
        }

        return false;
    }
}

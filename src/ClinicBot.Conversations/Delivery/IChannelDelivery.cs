namespace ClinicBot.Conversations.Delivery;

/// <summary>
/// Sends a message the bot did not produce in reply to a patient message (a staff reply, a join or leave notice)
/// into the patient's own channel. Each channel registers one; <see cref="PatientMessenger"/> picks by channel.
/// </summary>
public interface IChannelDelivery
{
    /// <summary>Whether this delivery can reach the conversation (it knows the conversation's channel and address).</summary>
    Task<bool> CanDeliverAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Sends the text; throws when the channel refuses it, so the caller can report the failure.</summary>
    Task SendAsync(string conversationId, string text, CancellationToken cancellationToken);
}

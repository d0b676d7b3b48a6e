namespace ClinicBot.Conversations.Delivery;

/// <summary>
/// Sends a message the bot did not produce in reply to a patient message (a staff reply, a join or leave notice)
/// into the patient's own channel. Each channel registers one; <see cref="PatientMessenger"/> picks it by the channel
/// of the conversation's <see cref="ChannelAddress"/>.
/// </summary>
public interface IChannelDelivery
{
    /// <summary>The channel's name in addresses (<see cref="ChannelAddress.Channel"/>).</summary>
    string Name { get; }

    /// <summary>Whether the address can be reached now (an SMS number that opted out, say, cannot).</summary>
    Task<bool> CanDeliverAsync(ChannelAddress address, CancellationToken cancellationToken);

    /// <summary>Sends the text; throws when the channel refuses it, so the caller can report the failure.</summary>
    Task SendAsync(ChannelAddress address, string text, CancellationToken cancellationToken);

    /// <summary>
    /// The address of a conversation that has none recorded (stored before addresses were, schema version 2), from what
    /// this channel keeps about it; null when the conversation is not this channel's.
    /// </summary>
    Task<ChannelAddress?> LegacyAddressAsync(string conversationId, CancellationToken cancellationToken);
}

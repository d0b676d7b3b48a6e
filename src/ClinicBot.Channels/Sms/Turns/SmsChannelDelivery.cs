using ClinicBot.Conversations.Delivery;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// Staff replies and join/leave notices for SMS patients, through the REST sender; the address is the number's hash. A
/// number that opted out is not deliverable (the staff console then shows the reply as not delivered); a refusal by
/// Twilio is final (<see cref="DeliveryRefusedException"/>); Twilio unreachable throws, and the message waits in the outbox.
/// </summary>
internal sealed class SmsChannelDelivery(ISmsSubscriberStore store, SmsOutbound outbound, IOptions<SmsOptions> options) : IChannelDelivery
{
    /// <summary>The channel's name in addresses.</summary>
    public const string Channel = "sms";

    public string Name => Channel;

    public async Task<bool> CanDeliverAsync(ChannelAddress address, CancellationToken cancellationToken) =>
        options.Value.Twilio.RestEnabled && await store.FindByHashAsync(address.Value, cancellationToken) is { OptedOut: false };

    public async Task SendAsync(ChannelAddress address, string text, CancellationToken cancellationToken)
    {
        var subscriber = await store.FindByHashAsync(address.Value, cancellationToken)
            ?? throw new DeliveryRefusedException("No SMS patient has this number.");
        var outcome = await outbound.SendAsync(subscriber.PhoneHash, SmsReplyFormatter.Staff(text), cancellationToken);
        if (outcome != SmsSendOutcome.Sent) throw new DeliveryRefusedException($"The text was not sent: {outcome}.");
    }

    public async Task<ChannelAddress?> LegacyAddressAsync(string conversationId, CancellationToken cancellationToken) =>
        conversationId.StartsWith(SmsConversations.ConversationPrefix, StringComparison.Ordinal)
        && await store.FindByConversationAsync(conversationId, cancellationToken) is { } subscriber
            ? new ChannelAddress(Channel, subscriber.PhoneHash)
            : null;
}

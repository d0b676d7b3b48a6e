using ClinicBot.Conversations.Delivery;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// Staff replies and join/leave notices for SMS patients, through the REST sender. A number that opted out is not
/// deliverable (the staff console then shows the reply as not delivered); a refusal by Twilio is final
/// (<see cref="DeliveryRefusedException"/>); Twilio unreachable throws, and the message waits in the outbox.
/// </summary>
internal sealed class SmsChannelDelivery(ISmsSubscriberStore store, SmsOutbound outbound, IOptions<SmsOptions> options) : IChannelDelivery
{
    public async Task<bool> CanDeliverAsync(string conversationId, CancellationToken cancellationToken) =>
        options.Value.Twilio.RestEnabled
        && conversationId.StartsWith(SmsConversations.ConversationPrefix, StringComparison.Ordinal)
        && await store.FindByConversationAsync(conversationId, cancellationToken) is { OptedOut: false };

    public async Task SendAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        var subscriber = await store.FindByConversationAsync(conversationId, cancellationToken)
            ?? throw new DeliveryRefusedException("No SMS patient has this conversation.");
        var outcome = await outbound.SendAsync(subscriber.PhoneHash, SmsReplyFormatter.Staff(text), cancellationToken);
        if (outcome != SmsSendOutcome.Sent) throw new DeliveryRefusedException($"The text was not sent: {outcome}.");
    }
}

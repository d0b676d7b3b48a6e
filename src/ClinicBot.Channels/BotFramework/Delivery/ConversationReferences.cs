using ClinicBot.Channels.BotFramework.Activities;

namespace ClinicBot.Channels.BotFramework.Delivery;

/// <summary>Builds the stored reference from an inbound message, and a proactive message from a reference.</summary>
internal static class ConversationReferences
{
    /// <summary>The addressing of a reply to <paramref name="inbound"/>: from the bot, to the user, in the same conversation.</summary>
    public static Activity From(Activity inbound) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = inbound.ServiceUrl,
        ChannelId = inbound.ChannelId,
        Conversation = inbound.Conversation,
        From = inbound.Recipient,
        Recipient = inbound.From,
        Locale = inbound.Locale,
    };

    /// <summary>A new message in the referenced conversation (no replyToId: the Connector's send-to-conversation route).</summary>
    public static Activity Message(Activity reference, string text) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = reference.ServiceUrl,
        ChannelId = reference.ChannelId,
        Conversation = reference.Conversation,
        From = reference.From,
        Recipient = reference.Recipient,
        Locale = reference.Locale,
        Text = text,
        TextFormat = reference.ChannelId == "sms" ? null : "markdown",
    };
}

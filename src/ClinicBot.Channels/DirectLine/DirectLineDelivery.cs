using ClinicBot.Conversations.Delivery;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Staff replies and join/leave notices into ClinicBot's own Direct Line conversations (the address is the Direct Line
/// conversation id): appended to the conversation and pushed to the visitor's open stream, or picked up by the next poll.
/// </summary>
internal sealed class DirectLineDelivery(DirectLineTranscript transcript, DirectLineConversations conversations) : IChannelDelivery
{
    /// <summary>The channel's name in addresses.</summary>
    public const string Channel = DirectLineConversations.ChannelId;

    // Conversations stored before addresses were recorded are known by their pipeline key, directline:{id}.
    private const string Prefix = DirectLineConversations.ChannelId + ":";

    public string Name => Channel;

    public async Task<bool> CanDeliverAsync(ChannelAddress address, CancellationToken cancellationToken) =>
        await transcript.Store.FindConversationAsync(address.Value, cancellationToken) is not null;

    public async Task SendAsync(ChannelAddress address, string text, CancellationToken cancellationToken)
    {
        var conversation = await transcript.Store.FindConversationAsync(address.Value, cancellationToken)
            ?? throw new InvalidOperationException("Not a Direct Line conversation of this host.");
        await conversations.SendFromClinicAsync(conversation, text, cancellationToken);
    }

    public async Task<ChannelAddress?> LegacyAddressAsync(string conversationId, CancellationToken cancellationToken) =>
        conversationId.StartsWith(Prefix, StringComparison.Ordinal)
        && await transcript.Store.FindConversationAsync(conversationId[Prefix.Length..], cancellationToken) is { } conversation
            ? new ChannelAddress(Channel, conversation.Id)
            : null;
}

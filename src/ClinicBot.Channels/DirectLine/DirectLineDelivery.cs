using ClinicBot.Conversations.Delivery;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Staff replies and join/leave notices into ClinicBot's own Direct Line conversations (pipeline key <c>directline:{id}</c>):
/// appended to the conversation and pushed to the visitor's open stream, or picked up by the next poll.
/// </summary>
internal sealed class DirectLineDelivery(DirectLineTranscript transcript, DirectLineConversations conversations) : IChannelDelivery
{
    private const string Prefix = DirectLineConversations.ChannelId + ":";

    public async Task<bool> CanDeliverAsync(string conversationId, CancellationToken cancellationToken) =>
        conversationId.StartsWith(Prefix, StringComparison.Ordinal)
        && await transcript.Store.FindConversationAsync(conversationId[Prefix.Length..], cancellationToken) is not null;

    public async Task SendAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        var conversation = conversationId.StartsWith(Prefix, StringComparison.Ordinal)
            ? await transcript.Store.FindConversationAsync(conversationId[Prefix.Length..], cancellationToken)
            : null;
        if (conversation is null) throw new InvalidOperationException("Not a Direct Line conversation of this host.");
        await conversations.SendFromClinicAsync(conversation, text, cancellationToken);
    }
}

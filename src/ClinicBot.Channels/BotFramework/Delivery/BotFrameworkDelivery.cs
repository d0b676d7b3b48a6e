using ClinicBot.Channels.BotFramework.Connector;
using ClinicBot.Conversations.Delivery;

namespace ClinicBot.Channels.BotFramework.Delivery;

/// <summary>
/// Delivers staff replies and notices into Bot Framework conversations (Azure Web Chat, Teams, Azure's SMS channel)
/// through the Connector, at the serviceUrl the conversation's validated activities came from.
/// </summary>
internal sealed class BotFrameworkDelivery(IConversationReferenceStore references, ConnectorClient connector) : IChannelDelivery
{
    public async Task<bool> CanDeliverAsync(string conversationId, CancellationToken cancellationToken) =>
        await references.FindAsync(conversationId, cancellationToken) is { ServiceUrl: { } url } && url.StartsWith("http", StringComparison.OrdinalIgnoreCase);

    public async Task SendAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        var reference = await references.FindAsync(conversationId, cancellationToken)
            ?? throw new InvalidOperationException("No Bot Framework conversation reference for this conversation.");
        await connector.SendAsync(ConversationReferences.Message(reference, text), cancellationToken);
    }
}

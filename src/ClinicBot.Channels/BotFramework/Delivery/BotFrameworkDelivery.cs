using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Connector;
using ClinicBot.Conversations.Delivery;

namespace ClinicBot.Channels.BotFramework.Delivery;

/// <summary>
/// Delivers staff replies and notices into Bot Framework conversations (Azure Web Chat, Teams, Azure's SMS channel)
/// through the Connector, at the serviceUrl the conversation's validated activities came from. The address is the
/// conversation key whose reference <see cref="IConversationReferenceStore"/> keeps.
/// </summary>
internal sealed class BotFrameworkDelivery(IConversationReferenceStore references, ConnectorClient connector) : IChannelDelivery
{
    /// <summary>The channel's name in addresses.</summary>
    public const string Channel = "botframework";

    public string Name => Channel;

    public async Task<bool> CanDeliverAsync(ChannelAddress address, CancellationToken cancellationToken) =>
        await ReachableAsync(address.Value, cancellationToken) is not null;

    public async Task SendAsync(ChannelAddress address, string text, CancellationToken cancellationToken)
    {
        var reference = await ReachableAsync(address.Value, cancellationToken)
            ?? throw new InvalidOperationException("No Bot Framework conversation reference for this conversation.");
        await connector.SendAsync(ConversationReferences.Message(reference, text), cancellationToken);
    }

    public async Task<ChannelAddress?> LegacyAddressAsync(string conversationId, CancellationToken cancellationToken) =>
        await ReachableAsync(conversationId, cancellationToken) is null ? null : new ChannelAddress(Channel, conversationId);

    // A reference whose serviceUrl is a network channel's.
    private async Task<Activity?> ReachableAsync(string conversationKey, CancellationToken cancellationToken) =>
        await references.FindAsync(conversationKey, cancellationToken) is { ServiceUrl: { } url } reference && url.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? reference
            : null;
}

namespace ClinicBot.Conversations.Delivery;

/// <summary>
/// Where a conversation's patient is reached, kept with the conversation: the channel that delivers to them and what
/// that channel needs. Staff replies and notices go to the <see cref="IChannelDelivery"/> named by <see cref="Channel"/>.
/// </summary>
/// <param name="Channel">The delivering channel's <see cref="IChannelDelivery.Name"/>: <c>botframework</c>, <c>directline</c>, <c>sms</c>.</param>
/// <param name="Value">
/// What that channel needs: the Bot Framework conversation key whose reference it keeps, the Direct Line conversation id,
/// the SMS number's hash (never the number).
/// </param>
public sealed record ChannelAddress(string Channel, string Value);

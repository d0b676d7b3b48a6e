using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// The SMS rules for texts that arrive as Bot Framework activities (Azure Bot Service's Twilio channel, channelId
/// <c>sms</c>): the same keywords, opt-out, hashed conversation id and two-segment formatting as the Twilio webhook.
/// A reply with empty text means send nothing. Without the SMS keys configured, turns pass through unchanged.
/// </summary>
public sealed class SmsTurnFilter
{
    private readonly SmsConversations _conversations;

    internal SmsTurnFilter(SmsConversations conversations) => _conversations = conversations;

    /// <summary>
    /// Handles an SMS turn (any other channel goes straight to <paramref name="next"/>). The request's conversation id is
    /// the Bot Framework one (<c>sms:{conversation.id}</c>, the patient's number); the pipeline sees the hashed id instead.
    /// </summary>
    public async Task<Reply> HandleAsync(TurnRequest request, Func<TurnRequest, CancellationToken, Task<Reply>> next, CancellationToken cancellationToken)
    {
        if (request.Channel != Channel.Sms || !_conversations.Ready) return await next(request, cancellationToken);
        var turn = await _conversations.HandleAsync(
            Address(request), request.Text, request.Locale, (r, ct) => next(r with { MessageKey = request.MessageKey }, ct), cancellationToken);
        return turn.Reply with { Text = turn.Text };
    }

    /// <summary>An SMS request under the conversation id the pipeline uses (the hash of the number); others unchanged.</summary>
    public TurnRequest Identify(TurnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Channel != Channel.Sms || !_conversations.Ready
            ? request
            : request with { ConversationId = _conversations.ConversationIdOf(Address(request)) };
    }

    private static string Address(TurnRequest request) =>
        request.ConversationId.StartsWith(SmsConversations.ConversationPrefix, StringComparison.OrdinalIgnoreCase)
            ? request.ConversationId[SmsConversations.ConversationPrefix.Length..]
            : request.ConversationId;
}

using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// The SMS rules for texts that arrive as Bot Framework activities (Azure Bot Service's Twilio channel, channelId
/// <c>sms</c>): the same keywords, opt-out, hashed conversation id and two-segment formatting as the Twilio webhook
/// (<see cref="SmsConversations"/>). A reply with empty text means send nothing. Without the phone keys the rules cannot
/// run (no opt-out can be kept, and the number would be stored in clear), so such a text is refused
/// (<see cref="RefusalReason"/>), never answered.
/// </summary>
public sealed class SmsTurnFilter
{
    /// <summary>Why an SMS activity is refused while <c>Sms:PhoneHashKey</c> and <c>Sms:PhoneEncryptionKey</c> are unset.</summary>
    public const string NotConfigured =
        "SMS is not configured: Sms:PhoneHashKey and Sms:PhoneEncryptionKey are needed to honour STOP, START and HELP and to keep numbers out of the database";

    private readonly SmsConversations _conversations;
    private readonly SafetyNet _safetyNet;
    private readonly ILogger<SmsTurnFilter> _logger;

    internal SmsTurnFilter(SmsConversations conversations, SafetyNet safetyNet, ILogger<SmsTurnFilter> logger)
    {
        _conversations = conversations;
        _safetyNet = safetyNet;
        _logger = logger;
    }

    /// <summary>Why this request cannot be served (an SMS text while the phone keys are unset), or null.</summary>
    public string? RefusalReason(TurnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Channel == Channel.Sms && !_conversations.Ready ? NotConfigured : null;
    }

    /// <summary>
    /// Handles an SMS turn (any other channel goes straight to <paramref name="next"/>). The request's conversation id is
    /// the Bot Framework one (<c>sms:{conversation.id}</c>, the patient's number); the pipeline sees the hashed id instead.
    /// A turn that fails gets the <see cref="SafetyNet"/>'s reply under the same rules (so not to a number that opted
    /// out, a crisis reply apart). A refused request (<see cref="RefusalReason"/>) gets nothing.
    /// </summary>
    public async Task<Reply> HandleAsync(TurnRequest request, Func<TurnRequest, CancellationToken, Task<Reply>> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(next);
        if (request.Channel != Channel.Sms) return await next(request, cancellationToken);
        if (!_conversations.Ready) return new Reply(Routes.Fallback, "", [], null);

        async Task<Reply> TurnAsync(TurnRequest hashed, CancellationToken ct)
        {
            try
            {
                return await next(hashed with { MessageKey = request.MessageKey }, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                SmsLog.ActivityTurnFailed(_logger, ex);
                return await _safetyNet.ReplyAsync(hashed with { MessageKey = request.MessageKey }, ct);
            }
        }

        var turn = await _conversations.HandleAsync(Address(request), request.Text, request.Locale, TurnAsync, cancellationToken);
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

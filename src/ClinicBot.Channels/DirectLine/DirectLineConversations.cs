using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.Inbox;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Direct Line conversations: starting one (and welcoming the visitor), recording a visitor's activity and handing it to
/// the bot, and messages from the clinic team. Conversation keys in the turn pipeline are <c>directline:{conversationId}</c>;
/// each records its address (<see cref="DirectLineDelivery"/>, the Direct Line conversation id) when it starts.
/// </summary>
internal sealed class DirectLineConversations(
    DirectLineTranscript transcript, DirectLineBot bot, DirectLineBotAccount botAccount, IConversationStore addresses, TimeProvider time,
    ILogger<DirectLineConversations> logger)
{
    /// <summary>The channel id of Direct Line activities as the bot sees them.</summary>
    public const string ChannelId = "directline";

    /// <summary>A new random id: for conversations and visitors.</summary>
    public static string NewId(string prefix = "") => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>Starts the token's conversation if it is new (true) and welcomes the visitor; false when it already was.</summary>
    public async Task<bool> StartAsync(DirectLineToken token, string? locale, CancellationToken cancellationToken)
    {
        var normalized = Locales.Normalize(locale);
        var created = await transcript.Store.TryCreateConversationAsync(
            new DirectLineConversation(token.ConversationId, token.UserId, normalized, time.GetUtcNow()), cancellationToken);
        if (!created) return false;

        DirectLineLog.Started(logger, token.ConversationId, normalized);
        try
        {
            await addresses.SetAddressAsync(
                ChannelId + ":" + token.ConversationId, Channel.Web, new ChannelAddress(ChannelId, token.ConversationId), time.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Staff replies still find the conversation by its key (DirectLineDelivery.LegacyAddressAsync).
            DirectLineLog.AddressFailed(logger, token.ConversationId, ex);
        }

        // Like Direct Line with a user id in the token: one conversationUpdate naming bot and visitor, so the welcome comes first.
        var user = new ChannelAccount(token.UserId, null, "user");
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = ChannelId,
            Conversation = new ConversationAccount(token.ConversationId),
            From = user,
            Recipient = botAccount.Account(),
            MembersAdded = [botAccount.Account(), user],
            Locale = normalized,
            Timestamp = time.GetUtcNow().UtcDateTime.ToString("O"),
        };
        try
        {
            await bot.ProcessAsync(update, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The conversation works without its welcome; the page still shows how to get help.
            DirectLineLog.WelcomeFailed(logger, token.ConversationId, ex);
        }

        return true;
    }

    /// <summary>
    /// Records the visitor's activity (the echo Web Chat waits for, with its <c>channelData</c> kept) and hands messages and
    /// events to the bot. Returns the activity's id.
    /// </summary>
    /// <exception cref="JsonException">The activity's fields have the wrong types.</exception>
    public async Task<string> PostAsync(DirectLineConversation conversation, DirectLineToken token, JsonObject activity, CancellationToken cancellationToken)
    {
        // Direct Line overwrites the sender with the token's user; the bot's recipient and the serviceUrl are the channel's to set.
        var name = activity["from"] is JsonObject { } from && from["name"] is JsonValue nameValue && nameValue.TryGetValue<string>(out var n) ? n : null;
        activity["from"] = name is null
            ? new JsonObject { ["id"] = token.UserId, ["role"] = "user" }
            : new JsonObject { ["id"] = token.UserId, ["name"] = name, ["role"] = "user" };
        activity["recipient"] = botAccount.Json();
        activity["channelId"] = ChannelId;
        activity.Remove("serviceUrl");
        activity.Remove("callerId");
        if (activity["locale"] is not JsonValue) activity["locale"] = conversation.Locale;

        var inbound = activity.Deserialize<Activity>(ActivityJson.Options) ?? throw new JsonException("The activity is empty.");
        var id = DirectLineTranscript.NewActivityId(conversation.Id);
        inbound.Id = id;
        inbound.Conversation = new ConversationAccount(conversation.Id);

        // A message is in the inbox before its echo is recorded: a visitor who sees their message as sent is always
        // answered, even when the process dies between the two writes (the next start records the echo and runs the turn).
        Task<InboundClaim>? claim = null;
        if (inbound.Type == ActivityTypes.Message)
        {
            claim = bot.ClaimAsync(inbound, cancellationToken);
            try
            {
                await claim;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database refuses writes: the turn still runs, and the safety net answers it.
                DirectLineLog.ClaimFailed(logger, conversation.Id, ex);
            }
        }

        await transcript.AppendAsync(conversation.Id, id, activity, cancellationToken);
        DirectLineLog.Posted(logger, conversation.Id, inbound.Type!);
        if (inbound.Type is not (ActivityTypes.Message or ActivityTypes.Event)) return id;

        if (inbound.Type == ActivityTypes.Message) await TypingAsync(conversation, id, cancellationToken);
        inbound.Timestamp = activity["timestamp"]?.GetValue<string>();
        await (claim is null ? bot.ProcessAsync(inbound, cancellationToken) : bot.ProcessClaimedAsync(inbound, claim, cancellationToken));
        return id;
    }

    // The visitor sees at once that the message was taken; the bot's own typing indicators follow while a turn runs long.
    private Task<string> TypingAsync(DirectLineConversation conversation, string replyToId, CancellationToken cancellationToken) =>
        transcript.AppendAsync(conversation.Id, new JsonObject
        {
            ["type"] = ActivityTypes.Typing,
            ["channelId"] = ChannelId,
            ["from"] = botAccount.Json(),
            ["recipient"] = new JsonObject { ["id"] = conversation.UserId, ["role"] = "user" },
            ["replyToId"] = replyToId,
        }, cancellationToken);

    /// <summary>A message from the clinic team (or a join/leave notice) into the conversation, as plain text.</summary>
    public Task<string> SendFromClinicAsync(DirectLineConversation conversation, string text, CancellationToken cancellationToken)
    {
        var activity = new JsonObject
        {
            ["type"] = ActivityTypes.Message,
            ["channelId"] = ChannelId,
            ["from"] = botAccount.Json(),
            ["recipient"] = new JsonObject { ["id"] = conversation.UserId, ["role"] = "user" },
            ["locale"] = conversation.Locale,
            ["text"] = text,
            ["textFormat"] = "plain",
            ["channelData"] = new JsonObject { ["clinicbot"] = new JsonObject { ["from"] = "staff" } },
        };
        return transcript.AppendAsync(conversation.Id, activity, cancellationToken);
    }
}

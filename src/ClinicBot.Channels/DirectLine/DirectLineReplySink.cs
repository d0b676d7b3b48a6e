using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Turns;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Where the bot's activities in Direct Line conversations go: its replies, typing indicators and welcomes are recorded in
/// the conversation and pushed to its open streams (<see cref="DirectLineTranscript"/>), as the bot's, without a Connector.
/// </summary>
internal sealed class DirectLineReplySink(DirectLineTranscript transcript, DirectLineBotAccount bot, DirectLineSuggestions suggestions) : IReplySink
{
    /// <summary>
    /// The serviceUrl of Direct Line activities as the bot sees them (kept in the activity inbox). Not http(s), so no
    /// network client ever takes it for a real channel.
    /// </summary>
    public const string ServiceUrl = "inprocess://directline/";

    public string InboxScope => DirectLineConversations.ChannelId;

    public async Task SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToNode(activity, ActivityJson.Options)!.AsObject();
        json.Remove("serviceUrl");
        json["from"] = bot.Json();
        // The visitor's name stays out of the bot's stored activities (Web Chat reads only the sender's): it is kept
        // once, on their own messages, so "forget me" leaves none behind in the confirmation it stores after erasing.
        if (json["recipient"] is JsonObject recipient) recipient.Remove("name");
        suggestions.Decorate(json);
        var conversationId = activity.Conversation!.Id!;
        // The bot answers a message with one message: its id follows from the message's, so a turn run again (a crash
        // between the reply and the inbox's finish) records no second reply.
        if (activity.Type == ActivityTypes.Message && !string.IsNullOrEmpty(activity.ReplyToId))
        {
            await transcript.AppendAsync(conversationId, activity.ReplyToId + ".reply", json, cancellationToken);
        }
        else
        {
            await transcript.AppendAsync(conversationId, json, cancellationToken);
        }
    }
}

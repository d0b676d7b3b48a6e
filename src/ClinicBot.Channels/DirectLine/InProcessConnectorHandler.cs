using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicBot.Channels.BotFramework.Activities;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// The Bot Connector API of Direct Line conversations, in process: the bot's replies and typing indicators, sent by the
/// shared <see cref="BotFramework.Connector.ConnectorClient"/> to <see cref="ServiceUrl"/>, are recorded in the conversation
/// and pushed to its streams instead of crossing the network.
/// </summary>
internal sealed class InProcessConnectorHandler(DirectLineTranscript transcript, DirectLineBotAccount bot, DirectLineSuggestions suggestions) : HttpMessageHandler
{
    /// <summary>The serviceUrl of Direct Line activities. Not http(s), so no network client ever takes it for a real channel.</summary>
    public const string ServiceUrl = "inprocess://directline/";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // v3/conversations/{conversationId}/activities[/{replyToId}]
        var segments = request.RequestUri!.AbsolutePath.Trim('/').Split('/');
        if (request.Method != HttpMethod.Post || segments.Length < 4 || segments[0] != "v3" || segments[1] != "conversations" || segments[3] != "activities"
            || request.Content is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var conversationId = Uri.UnescapeDataString(segments[2]);
        if (await request.Content.ReadFromJsonAsync<JsonObject>(ActivityJson.Options, cancellationToken) is not { } activity)
        {
            return new HttpResponseMessage(HttpStatusCode.BadRequest);
        }

        activity.Remove("serviceUrl");
        activity["from"] = bot.Json();
        suggestions.Decorate(activity);
        // The bot answers a message with one message: its id follows from the message's, so a turn run again (a crash
        // between the reply and the inbox's finish) records no second reply.
        var id = activity["type"]?.GetValue<string>() == ActivityTypes.Message && activity["replyToId"]?.GetValue<string>() is { Length: > 0 } replyToId
            ? await transcript.AppendAsync(conversationId, replyToId + ".reply", activity, cancellationToken)
            : await transcript.AppendAsync(conversationId, activity, cancellationToken);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new { id }) };
    }
}

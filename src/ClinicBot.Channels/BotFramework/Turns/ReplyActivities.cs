using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>Builds the bot's activities the way the SDK's <c>CreateReply</c> does, each message carrying the reply contract.</summary>
public static class ReplyActivities
{
    /// <summary>The entity type carrying the public reply contract on every bot message.</summary>
    public const string ReplyEntityType = "clinicbot/reply";

    /// <summary>The channel a Bot Framework channel id maps to: <c>sms</c> is SMS, everything else is web.</summary>
    public static Channel ChannelOf(Activity activity) =>
        string.Equals(activity.ChannelId, "sms", StringComparison.OrdinalIgnoreCase) ? Channel.Sms : Channel.Web;

    /// <summary>A message answering <paramref name="inbound"/>.</summary>
    public static Activity Message(Activity inbound, Reply reply)
    {
        var activity = Envelope(inbound, ActivityTypes.Message);
        activity.Text = reply.Text;
        // Plain is the default and is then omitted (SMS); web text is Markdown with citation links.
        activity.TextFormat = ChannelOf(inbound) == Channel.Web ? "markdown" : null;
        activity.InputHint = "acceptingInput";
        activity.Entities = [Entity(reply)];
        return activity;
    }

    /// <summary>A typing indicator in answer to <paramref name="inbound"/>.</summary>
    public static Activity Typing(Activity inbound) => Envelope(inbound, ActivityTypes.Typing);

    /// <summary>
    /// The Bot Framework <c>handoff.initiate</c> event for an agent hub: the escalation's priority and reason as the
    /// routing value and the conversation so far as the Transcript attachment (spec brief section 5).
    /// </summary>
    public static Activity HandoffInitiate(Activity inbound, EscalationSummary escalation, IEnumerable<Activity> transcript)
    {
        var activity = Envelope(inbound, ActivityTypes.Event);
        activity.Name = "handoff.initiate";
        activity.From = inbound.From;
        activity.Value = JsonSerializer.SerializeToElement(new { priority = escalation.Priority, reason = escalation.Reason });
        activity.Attachments =
        [
            JsonSerializer.SerializeToElement(
                new { contentType = "application/json", name = "Transcript", content = new { activities = transcript } }, ActivityJson.Options),
        ];
        return activity;
    }

    /// <summary>The <c>clinicbot/reply</c> entity: the reply's JSON fields after <c>"type"</c>.</summary>
    public static JsonObject Entity(Reply reply)
    {
        var entity = new JsonObject { ["type"] = ReplyEntityType };
        var fields = JsonSerializer.SerializeToNode(reply)!.AsObject();
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            entity[name] = value;
        }

        return entity;
    }

    private static Activity Envelope(Activity inbound, string type) => new()
    {
        Type = type,
        ChannelId = inbound.ChannelId,
        ServiceUrl = inbound.ServiceUrl,
        Conversation = inbound.Conversation is null ? null : new ConversationAccount(inbound.Conversation.Id, inbound.Conversation.TenantId),
        From = inbound.Recipient,
        Recipient = inbound.From,
        Locale = inbound.Locale,
        // Direct Line and Web Chat don't thread replies to a conversationUpdate (SDK CreateReply).
        ReplyToId = inbound.Type == ActivityTypes.ConversationUpdate && inbound.ChannelId is "directline" or "webchat" ? null : inbound.Id,
    };
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClinicBot.Channels.BotFramework.Activities;

/// <summary>
/// A Bot Framework activity as it travels on the wire. Only the fields ClinicBot reads or writes are modelled;
/// unknown fields are ignored on the way in, as the protocol requires.
/// </summary>
public sealed class Activity
{
    /// <summary>The activity type (<see cref="ActivityTypes"/>), compared ordinally.</summary>
    public string? Type { get; set; }

    /// <summary>The channel's id for the activity; bots leave it unset on activities they create.</summary>
    public string? Id { get; set; }

    /// <summary>When the channel recorded the activity. Kept as text: the protocol says never to reject on it.</summary>
    public string? Timestamp { get; set; }

    /// <summary>The channel's Connector endpoint that replies go to.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The channel ("webchat", "directline", "sms", "msteams", ...).</summary>
    public string? ChannelId { get; set; }

    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>The receiver.</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary>The conversation; its id is required from every sender.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The id of the activity this one answers.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>The message text.</summary>
    public string? Text { get; set; }

    /// <summary><c>markdown</c>, <c>plain</c> (the default, then omitted) or <c>xml</c>.</summary>
    public string? TextFormat { get; set; }

    /// <summary>The sender's language as a BCP-47 tag.</summary>
    public string? Locale { get; set; }

    /// <summary><c>normal</c>, <c>notification</c>, <c>expectReplies</c> or <c>ephemeral</c>.</summary>
    public string? DeliveryMode { get; set; }

    /// <summary><c>acceptingInput</c>, <c>expectingInput</c> or <c>ignoringInput</c>.</summary>
    public string? InputHint { get; set; }

    /// <summary>What an <c>event</c> or <c>invoke</c> means.</summary>
    public string? Name { get; set; }

    /// <summary>The payload of an <c>event</c> or <c>invoke</c>, or a card's submit data.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>Members that joined (<c>conversationUpdate</c>).</summary>
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>Members that left (<c>conversationUpdate</c>).</summary>
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Attachments, kept as raw JSON.</summary>
    public IReadOnlyList<JsonElement>? Attachments { get; set; }

    /// <summary>Metadata entities (<c>{"type": ...}</c>); receivers ignore types they don't understand.</summary>
    public IReadOnlyList<JsonObject>? Entities { get; set; }

    /// <summary>The channel's own extension payload.</summary>
    public JsonElement? ChannelData { get; set; }

    /// <summary>Set by the bot after authenticating the caller; any value on the wire is dropped.</summary>
    public string? CallerId { get; set; }
}

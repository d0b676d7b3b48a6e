namespace ClinicBot.Channels.BotFramework.Activities;

/// <summary>The activity types ClinicBot handles or sends (exact strings).</summary>
public static class ActivityTypes
{
    /// <summary>A patient's or the bot's message.</summary>
    public const string Message = "message";

    /// <summary>Members joined or left.</summary>
    public const string ConversationUpdate = "conversationUpdate";

    /// <summary>The sender is composing.</summary>
    public const string Typing = "typing";

    /// <summary>A named asynchronous event, such as <c>handoff.status</c>.</summary>
    public const string Event = "event";

    /// <summary>The conversation ended.</summary>
    public const string EndOfConversation = "endOfConversation";
}

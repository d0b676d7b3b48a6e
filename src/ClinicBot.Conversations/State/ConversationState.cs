namespace ClinicBot.Conversations.State;

/// <summary>What the bot remembers about a conversation between turns.</summary>
/// <param name="ConversationId">The channel's conversation id.</param>
/// <param name="CrisisSince">When crisis content first appeared; while set, every reply keeps the crisis resources.</param>
/// <param name="LastBotRoute">The route of the bot's last reply, or null before it has replied.</param>
/// <param name="HeldBy">The staff member holding the conversation; while set the bot answers nothing but crisis.</param>
/// <param name="Locale">The language of the patient's last message ("en" or "es"), or null before the first.</param>
public sealed record ConversationState(string ConversationId, DateTimeOffset? CrisisSince, string? LastBotRoute = null, string? HeldBy = null, string? Locale = null)
{
    /// <summary>Whether the conversation has shown crisis content.</summary>
    public bool InCrisis => CrisisSince is not null;
}

namespace ClinicBot.Conversations.State;

/// <summary>What the bot remembers about a conversation between turns.</summary>
/// <param name="ConversationId">The channel's conversation id.</param>
/// <param name="CrisisSince">When crisis content first appeared; while set, every reply keeps the crisis resources.</param>
/// <param name="LastBotRoute">The route of the bot's last reply, or null before it has replied.</param>
public sealed record ConversationState(string ConversationId, DateTimeOffset? CrisisSince, string? LastBotRoute = null)
{
    /// <summary>Whether the conversation has shown crisis content.</summary>
    public bool InCrisis => CrisisSince is not null;
}

namespace ClinicBot.Conversations.State;

/// <summary>What the bot remembers about a conversation between turns.</summary>
/// <param name="ConversationId">The channel's conversation id.</param>
/// <param name="CrisisSince">When crisis content first appeared; while set, every reply keeps the crisis resources.</param>
public sealed record ConversationState(string ConversationId, DateTimeOffset? CrisisSince)
{
    /// <summary>Whether the conversation has shown crisis content.</summary>
    public bool InCrisis => CrisisSince is not null;
}

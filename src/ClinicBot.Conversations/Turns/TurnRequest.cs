using ClinicBot.Prompts;

namespace ClinicBot.Conversations.Turns;

/// <summary>One inbound patient message, from any channel.</summary>
/// <param name="ConversationId">The channel's conversation id; turns of one conversation share state.</param>
/// <param name="Channel">Where the reply goes: it decides length and formatting.</param>
/// <param name="Locale">The patient's language as the channel knows it ("en", "es").</param>
/// <param name="Text">The message exactly as the patient wrote it.</param>
public sealed record TurnRequest(string ConversationId, Channel Channel, string Locale, string Text)
{
    /// <summary>
    /// The channel's own id of the message (an SMS MessageSid, an activity's inbox key), when it has one: a turn run
    /// again for the same message (after a crash) raises no second escalation.
    /// </summary>
    public string? MessageKey { get; init; }
}

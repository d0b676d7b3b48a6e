using ClinicBot.Channels.BotFramework.Activities;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>What processing an activity produced.</summary>
/// <param name="ExpectReplies">Whether the caller asked for the replies in the response body.</param>
/// <param name="Replies">The activities the bot produced, in order (sent already unless <paramref name="ExpectReplies"/>).</param>
public sealed record ActivityOutcome(bool ExpectReplies, IReadOnlyList<Activity> Replies)
{
    /// <summary>Why the activity was refused unprocessed (nothing stored or sent), or null when it was processed.</summary>
    public string? Refusal { get; init; }
}

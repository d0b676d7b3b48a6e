namespace ClinicBot.Conversations.Escalations;

/// <summary>
/// Lets a channel name its patients in staff lists (SMS: the last four digits of the number, masked). When no
/// channel knows the conversation, staff make a code from the conversation id instead.
/// </summary>
public interface IPatientDisplayName
{
    /// <summary>The display name, or null when this channel does not know the conversation.</summary>
    Task<string?> ForAsync(string conversationId, CancellationToken cancellationToken);
}

using ClinicBot.Channels.BotFramework.Activities;

namespace ClinicBot.Channels.BotFramework.Delivery;

/// <summary>
/// Where to reach each Bot Framework conversation later (staff replies, join and leave notices): the addressing
/// fields of its latest validated message, kept as an activity with no text.
/// </summary>
public interface IConversationReferenceStore
{
    /// <summary>Stores or replaces the reference for a conversation key.</summary>
    Task SaveAsync(string conversationKey, Activity reference, CancellationToken cancellationToken);

    /// <summary>The reference, or null when the conversation was never seen on this channel.</summary>
    Task<Activity?> FindAsync(string conversationKey, CancellationToken cancellationToken);
}

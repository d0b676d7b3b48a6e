using ClinicBot.Conversations.Delivery;
using ClinicBot.Prompts;

namespace ClinicBot.Conversations.State;

/// <summary>Conversation state and transcripts (SQLite by default; PostgreSQL for several instances).</summary>
public interface IConversationStore
{
    /// <summary>The conversation's state; a conversation never seen before has none of its flags set.</summary>
    Task<ConversationState> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Records that crisis content appeared, unless it already had.</summary>
    Task MarkCrisisAsync(string conversationId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records the language the patient now writes in (what staff notices are sent in).</summary>
    Task SetLocaleAsync(string conversationId, string locale, CancellationToken cancellationToken);

    /// <summary>Hands the conversation to a staff member, or back to the bot with null.</summary>
    Task SetHandlerAsync(string conversationId, string? staff, CancellationToken cancellationToken);

    /// <summary>Appends a message to the transcript, creating the conversation on its first message.</summary>
    Task AppendAsync(string conversationId, Channel channel, TranscriptEntry entry, CancellationToken cancellationToken);

    /// <summary>Records where the patient is reached (replacing an earlier address), creating the conversation if new.</summary>
    Task SetAddressAsync(string conversationId, Channel channel, ChannelAddress address, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Where the patient is reached, or null when no channel recorded it (a CLI conversation, one stored before addresses).</summary>
    Task<ChannelAddress?> AddressAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The transcript in order.</summary>
    Task<IReadOnlyList<TranscriptEntry>> TranscriptAsync(string conversationId, CancellationToken cancellationToken);
}

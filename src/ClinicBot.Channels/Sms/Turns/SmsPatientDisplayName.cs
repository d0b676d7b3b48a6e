using ClinicBot.Conversations.Escalations;

namespace ClinicBot.Channels.Sms;

/// <summary>Names SMS patients in staff lists by the masked number, "•••-1234".</summary>
internal sealed class SmsPatientDisplayName(ISmsSubscriberStore store) : IPatientDisplayName
{
    public async Task<string?> ForAsync(string conversationId, CancellationToken cancellationToken) =>
        conversationId.StartsWith(SmsConversations.ConversationPrefix, StringComparison.Ordinal)
            ? (await store.FindByConversationAsync(conversationId, cancellationToken))?.Display
            : null;
}

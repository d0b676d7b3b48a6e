namespace ClinicBot.Channels.Sms;

/// <summary>One texting patient as stored: hashed id, encrypted number, mask, language and opt-out state.</summary>
public sealed record SmsSubscriber(
    string PhoneHash, string ConversationId, string EncryptedNumber, string Display, string? Locale, bool OptedOut, DateTimeOffset? OptedOutAt);

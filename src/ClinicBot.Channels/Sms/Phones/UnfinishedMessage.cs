namespace ClinicBot.Channels.Sms;

/// <summary>An inbound text whose turn never finished, as the inbox keeps it (sender and text encrypted).</summary>
internal sealed record UnfinishedMessage(string MessageSid, string PhoneHash, string FromEncrypted, string BodyEncrypted);

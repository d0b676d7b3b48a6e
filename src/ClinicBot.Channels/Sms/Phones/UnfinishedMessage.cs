namespace ClinicBot.Channels.Sms;

/// <summary>
/// An inbound text whose turn never finished, as the inbox keeps it (sender, text and reply encrypted); the reply is
/// there when the turn had one ready to hand to Twilio before the process stopped.
/// </summary>
public sealed record UnfinishedMessage(
    string MessageSid, string PhoneHash, string FromEncrypted, string BodyEncrypted, DateTimeOffset ReceivedAt, string? ReplyEncrypted);

namespace ClinicBot.Channels.Sms.Twilio;

/// <summary>What the Messages API said: the new message's SID (HTTP 201), or Twilio's error code and the HTTP status of its refusal.</summary>
internal sealed record TwilioSendResult(bool Sent, string? MessageSid, int? ErrorCode, int Status)
{
    /// <summary>"Message cannot be sent to the 'To' number because the customer has replied with STOP".</summary>
    public const int RecipientOptedOut = 21610;

    public bool OptedOut => ErrorCode == RecipientOptedOut;
}

namespace ClinicBot.Channels.Sms;

/// <summary>What became of one outbound text.</summary>
internal enum SmsSendOutcome
{
    /// <summary>Twilio accepted it.</summary>
    Sent,

    /// <summary>Not sent: the number opted out (ours, or Twilio's error 21610, which is then recorded).</summary>
    OptedOut,

    /// <summary>Twilio refused it for another reason (an invalid number, a blocked sender).</summary>
    Refused,

    /// <summary>No such SMS patient.</summary>
    UnknownNumber,
}

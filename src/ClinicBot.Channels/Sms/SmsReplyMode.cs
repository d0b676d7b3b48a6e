namespace ClinicBot.Channels.Sms;

/// <summary>How webhook replies reach the patient.</summary>
public enum SmsReplyMode
{
    /// <summary>TwiML when the turn is quick, the REST API when it is slow.</summary>
    Auto,

    /// <summary>Always empty TwiML and the REST API.</summary>
    Rest,
}

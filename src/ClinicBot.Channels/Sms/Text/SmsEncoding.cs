namespace ClinicBot.Channels.Sms;

/// <summary>How a text travels: GSM-7 (160 a message, 153 a part) or, when any character needs it, UCS-2 (70, 67).</summary>
public enum SmsEncoding
{
    /// <summary>The GSM 03.38 default alphabet and its extension table.</summary>
    Gsm7,

    /// <summary>UTF-16 code units.</summary>
    Ucs2,
}

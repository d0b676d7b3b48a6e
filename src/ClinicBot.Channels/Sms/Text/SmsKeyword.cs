namespace ClinicBot.Channels.Sms;

/// <summary>What a message that is only a carrier keyword asks for.</summary>
public enum SmsKeyword
{
    /// <summary>Not a keyword: an ordinary message for the turn pipeline.</summary>
    None,

    /// <summary>STOP and its synonyms (English and Spanish).</summary>
    OptOut,

    /// <summary>START, UNSTOP, YES.</summary>
    OptIn,

    /// <summary>HELP, INFO, AYUDA.</summary>
    Help,
}

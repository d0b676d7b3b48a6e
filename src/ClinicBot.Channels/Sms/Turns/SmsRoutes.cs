namespace ClinicBot.Channels.Sms;

/// <summary>The <c>route</c> values of replies the SMS channel makes itself, besides the turn pipeline's.</summary>
public static class SmsRoutes
{
    /// <summary>The opt-out confirmation (or, for a repeated STOP, nothing).</summary>
    public const string OptOut = "opt_out";

    /// <summary>The opt-in confirmation.</summary>
    public const string OptIn = "opt_in";

    /// <summary>The HELP reply.</summary>
    public const string Help = "help";
}

using System.Text.RegularExpressions;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// Carrier keywords (CTIA, Twilio's defaults, the FCC's revocation words, Spanish ALTO/PARAR/AYUDA). A keyword counts only
/// when it is the whole message, trimmed, in any case ("Stop" is one; "Cancel my appointment" is a booking request).
/// </summary>
public static partial class SmsKeywords
{
    private static readonly HashSet<string> OptOut = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "CANCEL", "REVOKE", "OPTOUT", "OPT OUT", "ALTO", "PARAR",
    };

    private static readonly HashSet<string> OptIn = new(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP", "YES" };

    private static readonly HashSet<string> Help = new(StringComparer.OrdinalIgnoreCase) { "HELP", "INFO", "AYUDA" };

    private static readonly HashSet<string> Spanish = new(StringComparer.OrdinalIgnoreCase) { "ALTO", "PARAR", "AYUDA" };

    /// <summary>The keyword the whole message is, or <see cref="SmsKeyword.None"/>.</summary>
    public static SmsKeyword Match(string? text)
    {
        var word = Canonical(text);
        if (word.Length == 0) return SmsKeyword.None;
        if (OptOut.Contains(word)) return SmsKeyword.OptOut;
        if (OptIn.Contains(word)) return SmsKeyword.OptIn;
        return Help.Contains(word) ? SmsKeyword.Help : SmsKeyword.None;
    }

    /// <summary>Whether the keyword is a Spanish one, so its reply is in Spanish.</summary>
    public static bool IsSpanish(string? text) => Spanish.Contains(Canonical(text));

    /// <summary>Whether the message is exactly YES (an opt-in only for a number that opted out).</summary>
    public static bool IsYes(string? text) => string.Equals(Canonical(text), "YES", StringComparison.OrdinalIgnoreCase);

    // Trimmed, inner whitespace collapsed ("opt  out"), trailing full stops and exclamation marks dropped ("STOP.").
    private static string Canonical(string? text) =>
        text is null ? "" : Whitespace().Replace(text.Trim().TrimEnd('.', '!').Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

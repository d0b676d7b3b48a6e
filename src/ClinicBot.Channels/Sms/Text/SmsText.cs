using System.Globalization;
using System.Text;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// Keeps bot texts in GSM-7 the way Twilio's Smart Encoding does: typographic quotes, dashes, ellipses and odd spaces
/// become their plain forms, so one curly apostrophe does not halve what fits in a segment.
/// </summary>
public static class SmsText
{
    /// <summary>Replaces look-alike punctuation; letters are left alone.</summary>
    public static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '`' or '´':
                    builder.Append('\'');
                    break;
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '«' or '»':
                    builder.Append('"');
                    break;
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '•' or '·':
                    builder.Append('-');
                    break;
                case '\u2026':
                    builder.Append("...");
                    break;
                case '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u202F' or '\t':
                    builder.Append(' ');
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD':
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// <see cref="Plain"/>, then accented letters outside GSM-7 (á í ó ú...) lose their accent, as SMS writers do; GSM-7
    /// letters (é ñ ü à...) stay. Used for the bot's own replies, never for a staff member's words.
    /// </summary>
    public static string Gsm(string text)
    {
        var plain = Plain(text);
        if (SmsSegments.EncodingOf(plain) == SmsEncoding.Gsm7) return plain;
        var builder = new StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            if (SmsSegments.EncodingOf(c.ToString()) == SmsEncoding.Gsm7)
            {
                builder.Append(c);
                continue;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var stripped = string.Concat(decomposed.Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark));
            builder.Append(stripped.Length > 0 && SmsSegments.EncodingOf(stripped) == SmsEncoding.Gsm7 ? stripped : c.ToString());
        }

        return builder.ToString();
    }
}

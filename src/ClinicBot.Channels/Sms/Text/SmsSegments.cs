namespace ClinicBot.Channels.Sms;

/// <summary>
/// Counts the segments a carrier bills for a text. GSM-7: 160 septets in one message, 153 per part once split (the
/// rest is the concatenation header); extension characters (<c>^{}\[~]|€</c>) take two septets and are never split.
/// Any other character turns the whole text into UCS-2: 70 code units, 67 per part, surrogate pairs never split.
/// </summary>
public static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    /// <summary>GSM-7 when every character is in the default alphabet or its extension, otherwise UCS-2.</summary>
    public static SmsEncoding EncodingOf(string text) =>
        text.All(c => Basic.Contains(c) || Extension.Contains(c)) ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2;

    /// <summary>The number of segments (0 for an empty text).</summary>
    public static int Count(string text)
    {
        if (text.Length == 0) return 0;
        return EncodingOf(text) == SmsEncoding.Gsm7 ? Pack(text, GsmUnits, 160, 153) : Pack(text, Ucs2Units, 70, 67);
    }

    /// <summary>Whether the text fits in <paramref name="segments"/> segments.</summary>
    public static bool Fits(string text, int segments) => Count(text) <= segments;

    private static int Pack(string text, Func<string, int, int> unitsAt, int single, int perPart)
    {
        var units = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var size = unitsAt(text, i);
            units.Add(size);
            if (size == 2 && char.IsHighSurrogate(text[i])) i++;
        }

        if (units.Sum() <= single) return 1;
        var segments = 1;
        var used = 0;
        foreach (var size in units)
        {
            if (used + size > perPart)
            {
                segments++;
                used = 0;
            }

            used += size;
        }

        return segments;
    }

    private static int GsmUnits(string text, int index) => Extension.Contains(text[index]) ? 2 : 1;

    private static int Ucs2Units(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
}

using System.Text;

namespace ClinicBot.Channels.Json;

/// <summary>
/// Repairs JSON text whose strings hold half of a surrogate pair, written as an escape (<c>"\ud83d"</c>): what a browser's
/// <c>JSON.stringify</c> makes of an emoji cut in two. System.Text.Json refuses such a string, which would drop the whole
/// message, a crisis included; each lone half becomes U+FFFD instead, so the rest of the message is still read.
/// </summary>
public static class LoneSurrogates
{
    private const string Replacement = "\\ufffd";

    /// <summary>The JSON text with every escaped lone surrogate replaced; the same instance when there is none.</summary>
    public static string Repair(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!json.Contains("\\u", StringComparison.Ordinal)) return json;

        StringBuilder? repaired = null;
        var copied = 0;
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\') continue;
            if (!TryEscapedUnit(json, i, out var unit))
            {
                i++; // \\, \" and the like: the next character is escaped, never the start of an escape
                continue;
            }

            var length = 6;
            if (char.IsHighSurrogate(unit) && TryEscapedUnit(json, i + 6, out var low) && char.IsLowSurrogate(low)) length = 12;
            else if (char.IsSurrogate(unit))
            {
                repaired ??= new StringBuilder(json.Length);
                repaired.Append(json, copied, i - copied).Append(Replacement);
                copied = i + 6;
            }

            i += length - 1;
        }

        return repaired is null ? json : repaired.Append(json, copied, json.Length - copied).ToString();
    }

    // A \uXXXX escape at index: its UTF-16 code unit.
    private static bool TryEscapedUnit(string json, int index, out char unit)
    {
        unit = '\0';
        if (index + 6 > json.Length || json[index] != '\\' || json[index + 1] != 'u') return false;
        if (!ushort.TryParse(json.AsSpan(index + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var value)) return false;
        unit = (char)value;
        return true;
    }
}

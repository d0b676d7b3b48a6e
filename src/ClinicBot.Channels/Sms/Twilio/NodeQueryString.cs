using System.Globalization;
using System.Text;

namespace ClinicBot.Channels.Sms.Twilio;

/// <summary>Node's legacy <c>querystring.parse</c> and <c>stringify</c>, as twilio-node's signature check uses them.</summary>
internal static class NodeQueryString
{
    /// <summary>Pairs in JavaScript object key order: array-index keys ascending, then the rest by first appearance.</summary>
    public static List<KeyValuePair<string, List<string>>> Parse(string query)
    {
        var result = new List<KeyValuePair<string, List<string>>>();
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var piece in query.Split('&'))
        {
            if (piece.Length == 0) continue;
            var eq = piece.IndexOf('=');
            var key = Unescape(eq >= 0 ? piece[..eq] : piece);
            var value = eq >= 0 ? Unescape(piece[(eq + 1)..]) : "";
            if (!index.TryGetValue(key, out var values))
            {
                values = [];
                index[key] = values;
                result.Add(new(key, values));
            }

            values.Add(value);
        }

        return result.Where(p => IsArrayIndex(p.Key)).OrderBy(p => uint.Parse(p.Key, CultureInfo.InvariantCulture))
            .Concat(result.Where(p => !IsArrayIndex(p.Key))).ToList();
    }

    public static string Stringify(IEnumerable<KeyValuePair<string, List<string>>> pairs) =>
        string.Join('&', pairs.SelectMany(p => p.Value.Select(v => Escape(p.Key) + "=" + Escape(v))));

    private static bool IsArrayIndex(string key) =>
        uint.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n != uint.MaxValue && n.ToString(CultureInfo.InvariantCulture) == key;

    // '+' is a space; %XX sequences become bytes decoded as UTF-8; a malformed sequence stays as written.
    private static string Unescape(string value)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add(byte.Parse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    // encodeURIComponent's set, minus the characters querystring leaves alone: A-Z a-z 0-9 - . _ ~ ! ' ( ) *
    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '\'' or '(' or ')' or '*')) builder.Append(c);
            else builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}

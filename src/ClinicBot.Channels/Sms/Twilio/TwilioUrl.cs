using System.Globalization;
using System.Text;

namespace ClinicBot.Channels.Sms.Twilio;

/// <summary>
/// The URL forms twilio-node's <c>validateRequest</c> signs against, reproduced without a JavaScript engine: the WHATWG URL
/// serialisation (lowercase scheme and host, default port dropped, "/" for an empty path, unsafe characters percent-encoded)
/// without a port and with the default port, and Node's legacy <c>querystring</c> re-encoding of each.
/// </summary>
internal static class TwilioUrl
{
    public static IEnumerable<string> Variants(string url)
    {
        if (!TryParse(url, out var parts)) return [url];
        var withoutPort = parts.Serialize(includeDefaultPort: false);
        var withPort = parts.Port is null || parts.Port == parts.DefaultPort ? parts.Serialize(includeDefaultPort: true) : withoutPort;
        return new[] { withoutPort, withPort, Legacy(withoutPort), Legacy(withPort) }.Distinct(StringComparer.Ordinal);
    }

    // new URL(url).toString() with the search emptied, then "?" and querystring.stringify(querystring.parse(search)).
    private static string Legacy(string url)
    {
        if (!TryParse(url, out var parts) || string.IsNullOrEmpty(parts.Query)) return url;
        var query = NodeQueryString.Stringify(NodeQueryString.Parse(parts.Query));
        return (parts with { Query = null }).Serialize(includeDefaultPort: false) + "?" + query;
    }

    private static bool TryParse(string url, out UrlParts parts)
    {
        parts = default!;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return false;
        var scheme = url[..schemeEnd].ToLowerInvariant();
        var rest = url[(schemeEnd + 3)..];
        string? fragment = null;
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        string? query = null;
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        var slash = rest.IndexOf('/');
        var authority = slash >= 0 ? rest[..slash] : rest;
        var path = slash >= 0 ? rest[slash..] : "/";
        var at = authority.LastIndexOf('@');
        var userInfo = at >= 0 ? authority[..at] : null;
        var hostPort = at >= 0 ? authority[(at + 1)..] : authority;
        string? port = null;
        var colon = hostPort.LastIndexOf(':');
        if (colon >= 0 && !hostPort.EndsWith(']'))
        {
            port = hostPort[(colon + 1)..];
            hostPort = hostPort[..colon];
            if (port.Length == 0) port = null;
            else if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
            else port = number.ToString(CultureInfo.InvariantCulture);
        }

        if (hostPort.Length == 0) return false;
        parts = new UrlParts(scheme, userInfo, hostPort.ToLowerInvariant(), port, path, query, fragment);
        return true;
    }

    private sealed record UrlParts(string Scheme, string? UserInfo, string Host, string? Port, string Path, string? Query, string? Fragment)
    {
        public string DefaultPort => Scheme == "https" ? "443" : "80";

        public string Serialize(bool includeDefaultPort)
        {
            var builder = new StringBuilder(Scheme).Append("://");
            if (!string.IsNullOrEmpty(UserInfo)) builder.Append(UserInfo).Append('@');
            builder.Append(Host);
            var wellKnown = Scheme is "http" or "https" && Port == DefaultPort;
            if (Port is not null && !wellKnown) builder.Append(':').Append(Port);
            // twilio-node's addPort appends ":443" for https and ":80" for anything else.
            else if (includeDefaultPort) builder.Append(':').Append(Scheme == "https" ? "443" : "80");
            builder.Append(Encode(Path, PathUnsafe));
            if (!string.IsNullOrEmpty(Query)) builder.Append('?').Append(Encode(Query, QueryUnsafe));
            if (Fragment is not null) builder.Append('#').Append(Encode(Fragment, FragmentUnsafe));
            return builder.ToString();
        }

        private static bool PathUnsafe(char c) => c is ' ' or '"' or '#' or '<' or '>' or '?' or '`' or '{' or '}';

        private static bool QueryUnsafe(char c) => c is ' ' or '"' or '#' or '<' or '>' or '\'';

        private static bool FragmentUnsafe(char c) => c is ' ' or '"' or '<' or '>' or '`';

        private static string Encode(string value, Func<char, bool> isUnsafe)
        {
            var builder = new StringBuilder(value.Length);
            var bytes = new byte[4];
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c > 0x1F && c < 0x7F && !isUnsafe(c))
                {
                    builder.Append(c);
                    continue;
                }

                var length = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                    ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), bytes)
                    : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), bytes);
                for (var b = 0; b < length; b++) builder.Append('%').Append(bytes[b].ToString("X2", CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }
}

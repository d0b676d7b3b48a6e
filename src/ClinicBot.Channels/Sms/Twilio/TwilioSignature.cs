using System.Security.Cryptography;
using System.Text;

namespace ClinicBot.Channels.Sms.Twilio;

/// <summary>
/// <c>X-Twilio-Signature</c> exactly as twilio-node 6 computes and checks it: Base64 HMAC-SHA1, keyed with the Auth Token,
/// of the URL followed by every parameter name and value in code-unit order of the names (a repeated name: its distinct
/// values sorted). A signature is accepted on any of the URL variants twilio-node tries: without the port, with the
/// default port, and each of those with the query string re-encoded the legacy way.
/// </summary>
public static class TwilioSignature
{
    /// <summary>The signature Twilio sends for this URL and these parameters.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, values) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var value in values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>Whether the header is the signature of this request, on any of the accepted URL variants.</summary>
    public static bool IsValid(string authToken, string? header, string url, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> parameters)
    {
        if (string.IsNullOrEmpty(header) || string.IsNullOrEmpty(authToken)) return false;
        var expected = Encoding.UTF8.GetBytes(header);
        foreach (var variant in TwilioUrl.Variants(url))
        {
            var actual = Encoding.UTF8.GetBytes(Compute(authToken, variant, parameters));
            if (CryptographicOperations.FixedTimeEquals(expected, actual)) return true;
        }

        return false;
    }
}

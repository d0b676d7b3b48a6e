using System.Security.Cryptography;
using System.Text;

namespace ClinicBot.Testing;

/// <summary>
/// Signs a test webhook as Twilio documents it (and twilio-node's getExpectedTwilioSignature computes it): Base64
/// HMAC-SHA1, keyed with the Auth Token, of the URL and then each name and value in code-unit order of the names.
/// The known twilio-node signatures in ClinicBot.Sms.Tests' TwilioSignatureTests pin it.
/// </summary>
public static class TwilioTestSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal)) data.Append(name).Append(value);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}

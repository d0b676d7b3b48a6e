using ClinicBot.Host.Tests.Fixtures;
using ClinicBot.Testing;

namespace ClinicBot.Host.Tests.Privacy;

/// <summary>
/// What the privacy tests over the real host share: a host that takes Web Chat, Bot Framework and signed Twilio webhooks
/// (SMS replies in the TwiML), a patient's name, email and date of birth to look for afterwards, and a staff password.
/// </summary>
internal static class PatientOnEveryChannel
{
    public const string Password = "correct horse battery staple";

    /// <summary>What the patient types that names them: a name, an email and a date of birth.</summary>
    public static readonly string[] Secrets = ["Marisol Quintanilla-Vega", "marisol.qv1987@example.org", "04/17/1987"];

    /// <summary>The message that carries <see cref="Secrets"/>.</summary>
    public static readonly string Introduction = $"Hi, I'm {Secrets[0]}, my email is {Secrets[1]} and my date of birth is {Secrets[2]}.";

    private const string AuthToken = "test-auth-token-0123456789abcdef";
    private const string WebhookUrl = "https://bot.clinic.example/api/sms/twilio";
    private const string AccountSid = "AC00000000000000000000000000000001";
    private const string ClinicNumber = "+15550001111";

    /// <summary>A host on SQLite (the caller may switch it to PostgreSQL) with SMS configured.</summary>
    public static HostFactory NewHost()
    {
        var host = new HostFactory();
        host.Settings["Warmup:Turns"] = "false";
        host.Settings["Sms:PhoneHashKey"] = "test-phone-hash-key-0123456789abcdef";
        host.Settings["Sms:PhoneEncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 3)).ToArray());
        host.Settings["Sms:PublicBaseUrl"] = "https://calm.clinic.example";
        host.Settings["Sms:Twilio:AccountSid"] = AccountSid;
        host.Settings["Sms:Twilio:AuthToken"] = AuthToken;
        host.Settings["Sms:Twilio:FromNumber"] = ClinicNumber;
        host.Settings["Sms:Twilio:WebhookUrl"] = WebhookUrl;
        // Nothing listens there: a reply goes back in the webhook's TwiML, never through the REST API.
        host.Settings["Sms:Twilio:ApiBaseUrl"] = "http://127.0.0.1:9";
        return host;
    }

    /// <summary>A text from <paramref name="from"/> as Twilio posts it, signed.</summary>
    public static HttpRequestMessage SmsWebhook(string from, string body)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", "SM" + Guid.NewGuid().ToString("N")), new("AccountSid", AccountSid), new("From", from), new("To", ClinicNumber), new("Body", body),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sms/twilio") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioTestSignature.Compute(AuthToken, WebhookUrl, form));
        return request;
    }
}

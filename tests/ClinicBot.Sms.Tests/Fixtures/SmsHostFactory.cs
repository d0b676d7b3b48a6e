using System.Net;
using ClinicBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Sms.Tests.Fixtures;

/// <summary>
/// The real host over the repository's articles and prompts, its own SQLite file, SMS switched on with test keys, and the
/// Twilio REST API pointed at a local fake. Webhooks are signed with the real algorithm against the public URL.
/// </summary>
public sealed class SmsHostFactory : WebApplicationFactory<Program>
{
    private readonly bool _keepData;

    public const string AuthToken = "test-auth-token-0123456789abcdef";
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string WebhookUrl = "https://bot.clinic.example/api/sms/twilio";
    public const string ClinicNumber = "+15550001111";

    public SmsHostFactory()
        : this(null)
    {
    }

    private SmsHostFactory(string? dataDirectory)
    {
        _keepData = dataDirectory is not null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("clinicbot-sms-").FullName;
        Settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(DataDirectory, "clinicbot.db"),
            ["Knowledge:ArticlesPath"] = RepositoryPaths.Knowledge,
            ["Knowledge:LexiconPath"] = Path.Combine(RepositoryPaths.Knowledge, "synonyms.yaml"),
            ["Prompts:Path"] = RepositoryPaths.Prompts,
            ["Clinic:Name"] = "Calm Clinic",
            ["Clinic:Phone"] = "(555) 010-2000",
            ["Sms:PhoneHashKey"] = "test-phone-hash-key-0123456789abcdef",
            ["Sms:PhoneEncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["Sms:PublicBaseUrl"] = "https://calm.clinic.example",
            ["Sms:Twilio:AccountSid"] = AccountSid,
            ["Sms:Twilio:AuthToken"] = AuthToken,
            ["Sms:Twilio:FromNumber"] = ClinicNumber,
            ["Sms:Twilio:WebhookUrl"] = WebhookUrl,
            ["Sms:Twilio:ApiBaseUrl"] = Twilio.BaseUrl,
            ["Sms:Twilio:RetryDelay"] = "00:00:00.010",
        };
    }

    public string DataDirectory { get; }

    /// <summary>
    /// A host on the data folder of an earlier one (a restart); the folder is left for the test to delete. Its inbox lease
    /// is 1 s: a restarted host is another host (a new lease owner), which takes over what the dead one left once that
    /// one's lease has expired.
    /// </summary>
    public static SmsHostFactory OnData(string dataDirectory) => new(dataDirectory) { Settings = { ["Inbox:LeaseSeconds"] = "1" } };

    public string DatabasePath => Path.Combine(DataDirectory, "clinicbot.db");

    /// <summary>Configuration overrides; change them before the first request.</summary>
    public Dictionary<string, string?> Settings { get; }

    public FakeTwilioApi Twilio { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(Settings));
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(Logs);
        });
    }

    /// <summary>A client for the host; waits until the knowledge base is loaded.</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        for (var i = 0; i < 300; i++)
        {
            if ((await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK) return client;
            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not become ready.");
    }

    /// <summary>A Twilio-shaped, correctly signed incoming-message webhook.</summary>
    public static HttpRequestMessage Webhook(string from, string body, string? messageSid = null, string? signature = null, string url = WebhookUrl)
    {
        var sid = messageSid ?? NewSid();
        var form = new List<KeyValuePair<string, string>>
        {
            new("ToCountry", "US"),
            new("SmsMessageSid", sid),
            new("NumMedia", "0"),
            new("SmsSid", sid),
            new("Body", body),
            new("To", ClinicNumber),
            new("NumSegments", "1"),
            new("MessageSid", sid),
            new("AccountSid", AccountSid),
            new("From", from),
            new("ApiVersion", "2010-04-01"),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sms/twilio" + new Uri(url).Query) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioTestSignature.Compute(AuthToken, url, form));
        return request;
    }

    public static string NewSid() => "SM" + Guid.NewGuid().ToString("N");

    /// <summary>A fresh US number per test, so tests never share a patient.</summary>
    public static string NewNumber() => "+1555" + Random.Shared.Next(1000000, 9999999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Twilio.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        if (_keepData) return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind.
        }
    }
}

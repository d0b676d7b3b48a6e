using System.ComponentModel.DataAnnotations;
using ClinicBot.Http.Resilience;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// The web chat's Direct Line, bound from the <c>WebChat</c> section: ClinicBot's own Direct Line-compatible endpoint by
/// default, or Azure Bot Service's Direct Line when <see cref="DirectLineSecret"/> is set.
/// </summary>
public sealed class WebChatOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "WebChat";

    /// <summary>
    /// Azure Bot Service Direct Line secret. Default empty: ClinicBot serves Direct Line itself. When set, the page gets a
    /// token the server exchanges from this secret; the secret never reaches the browser. Keep it in an environment variable
    /// (<c>WebChat__DirectLineSecret</c>) or user-secrets, never in <c>appsettings.json</c>.
    /// </summary>
    public string DirectLineSecret { get; set; } = "";

    /// <summary>Base of Azure's Direct Line API, including <c>/v3/directline</c>. Default <c>https://directline.botframework.com/v3/directline</c> (regional bases work too).</summary>
    [Required, Url]
    public string AzureDirectLineUrl { get; set; } = "https://directline.botframework.com/v3/directline";

    /// <summary>Azure token exchange: time allowed for one attempt. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan AzureAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The Azure token exchange's resilience: two quick retries, and a <c>Retry-After</c> of at most 2 seconds (a browser is waiting).</summary>
    internal HttpResilienceSettings AzureResilience() => new(AzureAttemptTimeout, 2, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));

    /// <summary>
    /// Key that signs ClinicBot's own Direct Line tokens (HMAC-SHA256), base64, at least 32 bytes. Default empty: the web host
    /// makes one once and keeps it beside the database (<c>webchat-signing.key</c>), so open chats survive a restart. Set
    /// it when several instances serve one site.
    /// </summary>
    public string TokenSigningKey { get; set; } = "";

    /// <summary>How long a conversation token lives; refreshing gives a new one. Default 30 minutes (Direct Line's <c>expires_in</c> 1800).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a <c>streamUrl</c> may wait before its WebSocket connects. Default 60 seconds, as Direct Line.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an idle stream gets an empty keep-alive frame. Default 15 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest activity a client may post, in characters of JSON. Default 262,144 (Direct Line's 256K).</summary>
    [Range(1024, 1_048_576)]
    public int MaxActivityCharacters { get; set; } = 262_144;

    /// <summary>Most activities one GET returns; the client polls again from the watermark for the rest. Default 100.</summary>
    [Range(1, 1000)]
    public int MaxActivitiesPerGet { get; set; } = 100;

    /// <summary>Whether the page's widget receives over a WebSocket (true, the default) or by polling (false).</summary>
    public bool WebSocket { get; set; } = true;

    /// <summary>Polling interval of the page's widget when <see cref="WebSocket"/> is false. Default 1 second (DirectLineJS's).</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00")]
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether Azure's Direct Line is used instead of ClinicBot's own.</summary>
    public bool UsesAzure => !string.IsNullOrWhiteSpace(DirectLineSecret);
}

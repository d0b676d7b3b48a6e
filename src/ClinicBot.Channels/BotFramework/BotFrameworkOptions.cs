using System.ComponentModel.DataAnnotations;
using ClinicBot.Http.Resilience;

namespace ClinicBot.Channels.BotFramework;

/// <summary>Bot Framework endpoints and timings, bound from the <c>BotFramework</c> section. The defaults are Azure's public cloud.</summary>
public sealed class BotFrameworkOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "BotFramework";

    /// <summary>OpenID metadata of the Bot Connector token issuer. Default <c>https://login.botframework.com/v1/.well-known/openidconfiguration</c>.</summary>
    [Required, Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>
    /// Send a <c>handoff.initiate</c> event with the transcript to the channel whenever a turn raises an escalation,
    /// for clinics whose agent hub takes conversations over that way. Default false: the staff console handles them.
    /// </summary>
    public bool SendHandoffInitiate { get; set; }

    /// <summary>The <c>iss</c> channel tokens must carry. Default <c>https://api.botframework.com</c>.</summary>
    [Required]
    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Whether the metadata and keys must be fetched over HTTPS. Default true; tests with a local issuer turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How often the metadata and signing keys are refreshed. Default 24 hours, the most the docs allow.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Clock skew tolerated on token lifetimes. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Entra ID authority host for outbound tokens. Default <c>https://login.microsoftonline.com/</c>.</summary>
    [Required, Url]
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Tenant of multi-tenant bots' outbound tokens. Default <c>botframework.com</c>.</summary>
    [Required]
    public string MultiTenantAuthorityTenant { get; set; } = "botframework.com";

    /// <summary>Resource of outbound Connector tokens; <c>/.default</c> is appended. Default <c>https://api.botframework.com</c>.</summary>
    [Required]
    public string OAuthScope { get; set; } = "https://api.botframework.com";

    /// <summary>How long before expiry a cached outbound token is renewed. Default 5 minutes.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a turn may take before a typing indicator is sent. Default 500 ms (the SDK's).</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often typing is repeated while the turn runs. Default 2 seconds.</summary>
    public TimeSpan TypingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Connector call: time allowed for one attempt. Default 10 seconds.</summary>
    public TimeSpan ConnectorAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Connector call: retries after the first attempt on 429, 5xx, timeouts and network errors. Default 3.</summary>
    [Range(0, 10)]
    public int ConnectorMaxRetries { get; set; } = 3;

    /// <summary>Connector call: first backoff delay, doubled with jitter on each retry. Default 200 ms.</summary>
    public TimeSpan ConnectorRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Connector call: the longest <c>Retry-After</c> honoured; longer waits are cut to this. Default 10 seconds (the SDK's cap).</summary>
    public TimeSpan ConnectorMaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Connector circuit breaker: how long a serviceUrl's circuit stays open. Default 30 seconds.</summary>
    public TimeSpan ConnectorBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The Connector client's resilience from the <c>Connector*</c> keys (one pipeline, so one circuit, per serviceUrl host).</summary>
    internal HttpResilienceSettings ConnectorResilience() =>
        new(ConnectorAttemptTimeout, ConnectorMaxRetries, ConnectorRetryDelay, ConnectorMaxRetryAfter) { Circuit = HttpCircuitSettings.Default(ConnectorBreakDuration) };
}

using System.ComponentModel.DataAnnotations;
using ClinicBot.Http.Resilience;

namespace ClinicBot.Channels.Sms;

/// <summary>The Twilio account, bound from <c>Sms:Twilio</c>. The SMS webhook answers 503 until <see cref="AuthToken"/> is set.</summary>
public sealed class TwilioOptions
{
    /// <summary>The account SID (<c>AC...</c>), for the REST API and to check webhooks are for this account. Default none.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The primary Auth Token: signs webhooks (<c>X-Twilio-Signature</c>) and authenticates REST calls. A secret. Default none (SMS off).</summary>
    public string? AuthToken { get; set; }

    /// <summary>The clinic's Twilio number (E.164) that replies are sent from. Default none.</summary>
    public string? FromNumber { get; set; }

    /// <summary>A Messaging Service SID (<c>MG...</c>) to send through instead of <see cref="FromNumber"/>. Default none.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>
    /// The public URL Twilio requests and signs, e.g. <c>https://bot.clinic.example/api/sms/twilio</c>; needed because the host
    /// sits behind a proxy. Default none: the URL is rebuilt from the request (scheme, Host header, path, query).
    /// </summary>
    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>Base address of the REST API. Default <c>https://api.twilio.com</c>.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>Timeout of one REST attempt. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a REST call after a 429, a 5xx or a network failure. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay (exponential with jitter). Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest <c>Retry-After</c> honoured; a longer one is cut to this. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The Messages API client's resilience from these keys, with a circuit breaker open 30 seconds at a time.</summary>
    internal HttpResilienceSettings Resilience() =>
        new(RequestTimeout, MaxRetries, RetryDelay, MaxRetryAfter) { Circuit = HttpCircuitSettings.Default(TimeSpan.FromSeconds(30)) };

    /// <summary>Whether webhooks can be validated: an Auth Token is configured.</summary>
    public bool WebhookEnabled => !string.IsNullOrEmpty(AuthToken);

    /// <summary>Whether the REST API can send: account, token and a sender are configured.</summary>
    public bool RestEnabled => !string.IsNullOrEmpty(AccountSid) && WebhookEnabled
                               && (!string.IsNullOrEmpty(FromNumber) || !string.IsNullOrEmpty(MessagingServiceSid));
}

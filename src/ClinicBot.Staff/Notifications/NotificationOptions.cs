using System.ComponentModel.DataAnnotations;
using ClinicBot.Http.Resilience;

namespace ClinicBot.Staff.Notifications;

/// <summary>The staff notification webhook, bound from <c>Staff:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Staff:Notifications";

    /// <summary>A Microsoft Teams or Slack incoming-webhook URL. Default none: escalations are queued but nobody is pinged.</summary>
    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Key for the <c>X-ClinicBot-Signature</c> header (HMAC-SHA256 of the body, hex). Set it from a secret store, never
    /// appsettings.json. Default none: the header is left out.
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>The console's public address, for the link in each notification. Default <c>http://localhost:3978</c>.</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>How often the outbox is checked for due messages. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of one webhook call. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The webhook client's resilience: two quick retries per call and a <c>Retry-After</c> of at most 10 seconds (the dispatcher tries again later).</summary>
    internal HttpResilienceSettings Resilience() => new(RequestTimeout, 2, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));

    /// <summary>Longest wait between two delivery attempts once the webhook keeps failing. Default 5 minutes.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
}

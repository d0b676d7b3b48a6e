using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Notifications;

/// <summary>
/// Posts one notification to the webhook, signed with <c>X-ClinicBot-Signature: sha256=&lt;hex HMAC of the body&gt;</c>.
/// Its typed client's resilience handler retries briefly (with jitter, honouring Retry-After) on 408, 429, 5xx, network
/// errors and attempt timeouts (<see cref="NotificationOptions.Resilience"/>).
/// </summary>
public sealed class WebhookSender(HttpClient http, IOptions<NotificationOptions> options)
{
    /// <summary>The signature header a receiver verifies.</summary>
    public const string SignatureHeader = "X-ClinicBot-Signature";

    private readonly NotificationOptions _options = options.Value;

    /// <summary>Whether a webhook is configured at all.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(_options.WebhookUrl);

    /// <summary>Posts the body; true when the webhook answered 2xx.</summary>
    public async Task<bool> SendAsync(string body, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _options.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (!string.IsNullOrEmpty(_options.SigningSecret)) request.Headers.Add(SignatureHeader, Sign(body, _options.SigningSecret));
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The signature value for a body: <c>sha256=</c> and the lowercase hex HMAC-SHA256.</summary>
    public static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}

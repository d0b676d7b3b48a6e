using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace ClinicBot.Staff.Notifications;

/// <summary>
/// Posts one notification to the webhook, signed with <c>X-ClinicBot-Signature: sha256=&lt;hex HMAC of the body&gt;</c>,
/// retrying briefly (with jitter, honouring Retry-After) on 429, 5xx and network errors.
/// </summary>
public sealed class WebhookSender
{
    /// <summary>The signature header a receiver verifies.</summary>
    public const string SignatureHeader = "X-ClinicBot-Signature";

    private readonly HttpClient _http;
    private readonly NotificationOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Builds the retry pipeline; <paramref name="time"/> drives its delays so tests need not wait.</summary>
    public WebhookSender(HttpClient http, IOptions<NotificationOptions> options, TimeProvider time)
    {
        _http = http;
        _options = options.Value;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutException>()
                    .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.Headers.RetryAfter?.Delta),
            })
            .AddTimeout(_options.RequestTimeout)
            .Build();
    }

    /// <summary>Whether a webhook is configured at all.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(_options.WebhookUrl);

    /// <summary>Posts the body; true when the webhook answered 2xx.</summary>
    public async Task<bool> SendAsync(string body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _options.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                if (!string.IsNullOrEmpty(_options.SigningSecret)) request.Headers.Add(SignatureHeader, Sign(body, _options.SigningSecret));
                return await _http.SendAsync(request, token);
            }, cancellationToken);
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

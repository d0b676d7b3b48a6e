using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using ClinicBot.Channels.Resilience;

namespace ClinicBot.Channels.Sms.Twilio;

/// <summary>
/// The Polly pipeline in the <see cref="TwilioMessages.HttpClientName"/> client's resilience handler, around every Messages API call: retry with exponential backoff and jitter (honouring
/// <c>Retry-After</c>) on 429, 5xx and network failures, a circuit breaker, and a timeout per attempt. A 4xx such as
/// 21610 is an answer, not a failure, and is never retried.
/// </summary>
internal static class TwilioResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, TwilioOptions o, TimeProvider time, ILogger logger)
    {
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => r.StatusCode is HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500);
        builder.TimeProvider = time;
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryDelay,
                MaxDelay = o.MaxRetryAfter,
                DelayGenerator = args => ValueTask.FromResult(RetryAfterHeader.Delay(args.Outcome.Result, o.MaxRetryAfter, time)),
                OnRetry = args =>
                {
                    SmsLog.Retrying(logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}");
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500),
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
                OnOpened = args =>
                {
                    SmsLog.CircuitOpened(logger, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(o.RequestTimeout);
    }
}

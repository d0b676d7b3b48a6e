using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace ClinicBot.Http.Resilience;

/// <summary>
/// The strategies every outgoing HTTP client runs, outermost first: an optional total timeout, retries with exponential
/// backoff and jitter on transient failures (Microsoft.Extensions.Http.Resilience's predicate: 408, 429, 5xx, network
/// errors, attempt timeouts) honouring <see cref="RetryAfter"/>, an optional circuit breaker, and a per-attempt timeout.
/// A 4xx other than 408 and 429 is the server's answer and is never retried.
/// </summary>
public static class HttpResiliencePipeline
{
    /// <summary>Adds the strategies of <paramref name="settings"/>; <paramref name="name"/> names the client in the logs.</summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddHttpStrategies(
        this ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpResilienceSettings settings, TimeProvider time, ILogger logger, string name)
    {
        builder.TimeProvider = time;
        if (settings.TotalTimeout is { } total) builder.AddTimeout(total);
        if (settings.MaxRetries > 0) builder.AddRetry(Retry(settings, time, logger, name));
        if (settings.Circuit is { } circuit) builder.AddCircuitBreaker(CircuitBreaker(circuit, logger, name));
        return builder.AddTimeout(settings.AttemptTimeout);
    }

    private static RetryStrategyOptions<HttpResponseMessage> Retry(HttpResilienceSettings settings, TimeProvider time, ILogger logger, string name) => new()
    {
        ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !(settings.FailBeyondMaxRetryAfter && RetryAfter.From(args.Outcome.Result, time) > settings.MaxRetryAfter)),
        MaxRetryAttempts = settings.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = settings.RetryDelay,
        // The server's wait, at most MaxRetryAfter; none asked for: the backoff.
        DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Result, time) is { } wait
            ? wait < settings.MaxRetryAfter ? wait : settings.MaxRetryAfter
            : (TimeSpan?)null),
        OnRetry = args =>
        {
            HttpResilienceLog.Retrying(logger, name, args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome));
            return ValueTask.CompletedTask;
        },
    };

    private static CircuitBreakerStrategyOptions<HttpResponseMessage> CircuitBreaker(HttpCircuitSettings circuit, ILogger logger, string name) => new()
    {
        ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && args.Outcome.Result?.StatusCode is not HttpStatusCode.TooManyRequests),
        FailureRatio = circuit.FailureRatio,
        MinimumThroughput = circuit.MinimumThroughput,
        SamplingDuration = circuit.SamplingDuration,
        BreakDuration = circuit.BreakDuration,
        OnOpened = args =>
        {
            HttpResilienceLog.CircuitOpened(logger, name, args.BreakDuration);
            return ValueTask.CompletedTask;
        },
    };

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception?.GetType().Name ?? (outcome.Result is { } response ? "HTTP " + (int)response.StatusCode : "none");
}

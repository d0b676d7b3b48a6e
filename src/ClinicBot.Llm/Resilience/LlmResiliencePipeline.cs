using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ClinicBot.Llm.Resilience;

/// <summary>
/// The pipeline around every HTTP request Semantic Kernel sends to the model, outermost first: a total timeout (the
/// patient's wait), retries with exponential backoff and jitter that honour <c>Retry-After</c>, a circuit breaker, and
/// a per-attempt timeout. Retried: 408, 429, 5xx, network errors and attempt timeouts. Not retried: other 4xx, a
/// malformed reply, and a 429 whose <c>Retry-After</c> is longer than <see cref="LlmOptions.MaxRetryAfter"/>. Whatever
/// still fails reaches the composer as an exception (or an error status the connector turns into one), and the patient
/// gets the extractive answer.
/// </summary>
internal static class LlmResiliencePipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Build(LlmOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddTimeout(options.Timeout);
        if (options.MaxRetries > 0) builder.AddRetry(Retry(options, time, logger));
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                OnOpened = args =>
                {
                    LlmLog.CircuitOpened(logger, args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    // A 429 whose Retry-After exceeds MaxRetryAfter is not retried: the patient would wait longer than the answer is worth.
    private static RetryStrategyOptions<HttpResponseMessage> Retry(LlmOptions options, TimeProvider time, ILogger logger) => new()
    {
        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)
            && !(RetryAfter.From(args.Outcome.Result, time) > options.MaxRetryAfter)),
        MaxRetryAttempts = options.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryDelay,
        DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Result, time)),
        OnRetry = args =>
        {
            LlmLog.Retrying(logger, args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
            return ValueTask.CompletedTask;
        },
    };

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response && IsTransient(response.StatusCode),
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception?.GetType().Name ?? (outcome.Result is { } response ? "HTTP " + (int)response.StatusCode : "none");
}

using System.ClientModel;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ClinicBot.Llm.Resilience;

/// <summary>
/// The pipeline around every model call, outermost first: a total timeout (the patient's wait), retries with
/// exponential backoff and jitter that honour <c>Retry-After</c>, a circuit breaker, and a per-attempt timeout.
/// Retried: 429, 5xx, network errors and attempt timeouts. Not retried: other 4xx, a malformed reply, and a 429 whose
/// <c>Retry-After</c> is longer than <see cref="LlmOptions.MaxRetryAfter"/>. Whatever still fails reaches the
/// composer as an exception, and the patient gets the extractive answer.
/// </summary>
internal static class LlmResiliencePipeline
{
    public static ResiliencePipeline Build(LlmOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.Timeout);
        if (options.MaxRetries > 0) builder.AddRetry(Retry(options, time, logger));
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
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
    private static RetryStrategyOptions Retry(LlmOptions options, TimeProvider time, ILogger logger) => new()
    {
        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)
            && !(RetryAfter.From(args.Outcome.Exception, time) > options.MaxRetryAfter)),
        MaxRetryAttempts = options.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryDelay,
        DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Exception, time)),
        OnRetry = args =>
        {
            LlmLog.Retrying(logger, args.AttemptNumber + 1, Describe(args.Outcome.Exception), args.RetryDelay.TotalMilliseconds);
            return ValueTask.CompletedTask;
        },
    };

    private static bool IsTransient(Exception? exception) => exception switch
    {
        ClientResultException failure => failure.Status is 408 or 429 or >= 500 || failure.Status == 0,
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };

    private static string Describe(Exception? exception) => exception switch
    {
        ClientResultException failure => "HTTP " + failure.Status,
        null => "none",
        _ => exception.GetType().Name,
    };
}

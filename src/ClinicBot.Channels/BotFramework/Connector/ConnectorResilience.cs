using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;
using ClinicBot.Channels.Resilience;

namespace ClinicBot.Channels.BotFramework.Connector;

/// <summary>
/// One Polly pipeline per Connector host: retry (exponential backoff with jitter, honouring <c>Retry-After</c> on 429
/// and 5xx), a circuit breaker so a failing channel is not hammered, and a timeout on each attempt.
/// </summary>
internal sealed class ConnectorResilience(IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<ConnectorResilience> logger)
{
    private readonly ResiliencePipelineRegistry<string> _registry = new();

    public ResiliencePipeline<HttpResponseMessage> For(Uri serviceUrl) =>
        _registry.GetOrAddPipeline<HttpResponseMessage>(serviceUrl.GetLeftPart(UriPartial.Authority), (builder, context) => Build(builder, context.PipelineKey));

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private void Build(ResiliencePipelineBuilder<HttpResponseMessage> builder, string host)
    {
        var o = options.Value;
        builder.TimeProvider = time;
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => IsTransient(r.StatusCode));

        builder
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = o.ConnectorMaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.ConnectorRetryDelay,
                MaxDelay = o.ConnectorMaxRetryAfter,
                DelayGenerator = args => ValueTask.FromResult(RetryAfterHeader.Delay(args.Outcome.Result, o.ConnectorMaxRetryAfter, time)),
                OnRetry = args =>
                {
                    var outcome = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    BotFrameworkLog.Retrying(logger, host, args.AttemptNumber + 1, args.RetryDelay, outcome);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                // 429 is the channel asking us to slow down, not the channel failing.
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500),
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = o.ConnectorBreakDuration,
                OnOpened = args =>
                {
                    BotFrameworkLog.CircuitOpened(logger, host, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(o.ConnectorAttemptTimeout);
    }
}

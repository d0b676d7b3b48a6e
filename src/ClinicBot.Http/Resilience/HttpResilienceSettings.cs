namespace ClinicBot.Http.Resilience;

/// <summary>
/// How the calls of one named <see cref="HttpClient"/> are bounded and retried. Each area fills it from its own
/// configuration keys (<c>BotFramework:Connector*</c>, <c>Sms:Twilio:*</c>, <c>Llm:*</c>...); the strategies themselves
/// are <see cref="HttpResiliencePipeline"/>'s, the same for every client.
/// </summary>
/// <param name="AttemptTimeout">The longest one attempt may take.</param>
/// <param name="MaxRetries">Retries after a transient failure (408, 429, 5xx, a network error, an attempt timeout); 0 for none.</param>
/// <param name="RetryDelay">First retry delay when the server asks for none; it doubles each retry, with jitter.</param>
/// <param name="MaxRetryAfter">The longest <c>Retry-After</c> (or <c>retry-after-ms</c>) waited for.</param>
public sealed record HttpResilienceSettings(TimeSpan AttemptTimeout, int MaxRetries, TimeSpan RetryDelay, TimeSpan MaxRetryAfter)
{
    /// <summary>The longest the whole call may take, retries and their waits included. Default none: only the attempts are bounded.</summary>
    public TimeSpan? TotalTimeout { get; init; }

    /// <summary>
    /// A <c>Retry-After</c> longer than <see cref="MaxRetryAfter"/>: true, no retry (the call fails at once, e.g. a
    /// patient who should not wait); false (default), the wait is shortened to <see cref="MaxRetryAfter"/>.
    /// </summary>
    public bool FailBeyondMaxRetryAfter { get; init; }

    /// <summary>The circuit breaker. Default none.</summary>
    public HttpCircuitSettings? Circuit { get; init; }
}

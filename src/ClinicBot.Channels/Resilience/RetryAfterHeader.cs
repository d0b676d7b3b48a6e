namespace ClinicBot.Channels.Resilience;

/// <summary>The wait a throttled or failing server asks for in <c>Retry-After</c> (seconds or a date), capped.</summary>
internal static class RetryAfterHeader
{
    /// <summary>The requested wait, between zero and <paramref name="max"/>; null (no header) falls back to the backoff.</summary>
    public static TimeSpan? Delay(HttpResponseMessage? response, TimeSpan max, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (wait is not { } delay) return null;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > max ? max : delay;
    }
}

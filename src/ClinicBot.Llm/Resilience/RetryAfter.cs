using System.ClientModel;
using System.Globalization;

namespace ClinicBot.Llm.Resilience;

/// <summary>
/// Reads how long a throttled or failing server asks to be left alone: <c>retry-after-ms</c> (sent by OpenAI and Azure
/// OpenAI), else <c>Retry-After</c> in seconds or as an HTTP date.
/// </summary>
internal static class RetryAfter
{
    public static TimeSpan? From(Exception? exception, TimeProvider time)
    {
        if (exception is not ClientResultException { } failure || failure.GetRawResponse() is not { } response) return null;

        if (response.Headers.TryGetValue("retry-after-ms", out var milliseconds)
            && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || value is null) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0) return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var wait = at - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}

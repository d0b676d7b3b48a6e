using System.Globalization;

namespace ClinicBot.Http.Resilience;

/// <summary>
/// Reads how long a throttled or failing server asks to be left alone: <c>retry-after-ms</c> (sent by OpenAI and Azure
/// OpenAI), else <c>Retry-After</c> in seconds or as an HTTP date. The one reading of these headers for every client.
/// </summary>
public static class RetryAfter
{
    /// <summary>The wait the response asks for (never negative), or null when it asks for none.</summary>
    public static TimeSpan? From(HttpResponseMessage? response, TimeProvider time)
    {
        if (response is null) return null;

        if (response.Headers.TryGetValues("retry-after-ms", out var milliseconds)
            && double.TryParse(milliseconds.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } when delta >= TimeSpan.Zero => delta,
            { Date: { } at } => at - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
    }
}

using System.Net;
using System.Net.Http.Headers;
using ClinicBot.Http.Resilience;

namespace ClinicBot.Llm.Tests.Resilience;

/// <summary>How long a 429 or 503 asks the client to wait, in each form servers send it.</summary>
public sealed class RetryAfterTests
{
    [Fact]
    public void From_RetryAfterMs_WinsOverRetryAfter()
    {
        using var response = Throttled();
        response.Headers.TryAddWithoutValidation("retry-after-ms", "1500");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(9));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), RetryAfter.From(response, TimeProvider.System));
    }

    [Fact]
    public void From_Seconds_IsThatLong()
    {
        using var response = Throttled();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), RetryAfter.From(response, TimeProvider.System));
    }

    [Fact]
    public void From_HttpDate_IsTheTimeUntilThen()
    {
        var now = new FixedTime(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        using var response = Throttled();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(now.GetUtcNow().AddSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), RetryAfter.From(response, now));
    }

    [Fact]
    public void From_NoHeader_IsNull()
    {
        using var response = Throttled();

        Assert.Null(RetryAfter.From(response, TimeProvider.System));
        Assert.Null(RetryAfter.From(null, TimeProvider.System));
    }

    private static HttpResponseMessage Throttled() => new(HttpStatusCode.TooManyRequests);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

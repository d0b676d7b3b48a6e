using System.Threading.RateLimiting;

namespace ClinicBot.Host.Access;

/// <summary>
/// One limit, a token bucket: a burst of up to <see cref="PermitLimit"/> requests, refilled one at a time over
/// <see cref="Window"/> (so on average at most <see cref="PermitLimit"/> per <see cref="Window"/>).
/// </summary>
internal sealed class RateLimitRule
{
    /// <summary>Requests allowed at once, and on average per <see cref="Window"/>. At least 1.</summary>
    public int PermitLimit { get; set; }

    /// <summary>Time to refill a spent burst; one request comes back every <c>Window / PermitLimit</c>. Default 1 minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the rule can be built: a positive limit and a window of at least a millisecond per request.</summary>
    public bool IsValid => PermitLimit >= 1 && Window >= TimeSpan.FromMilliseconds(PermitLimit);

    public TokenBucketRateLimiterOptions ToTokenBucket() => new()
    {
        TokenLimit = PermitLimit,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = Window / PermitLimit,
        // A refused request is answered at once (429), never held: the sender decides when to retry.
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

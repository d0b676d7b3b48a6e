using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinicBot.Host.Access;

/// <summary>Rate limits (<see cref="RateLimitsOptions"/>) and the security and caching headers (<see cref="SecurityHeaders"/>).</summary>
internal static class AccessServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>RateLimits</c> and registers ASP.NET Core's rate limiter over it.</summary>
    public static IServiceCollection AddClinicBotAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitsOptions>().Bind(configuration.GetSection(RateLimitsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitsOptions>, RateLimitsOptionsValidator>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitsOptions>, ILoggerFactory>((limiter, limits, loggers) =>
        {
            var options = limits.Value;
            var logger = loggers.CreateLogger(typeof(RateLimitTarget));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                options.Enabled && RateLimitTarget.Of(http, options) is { } target
                    ? RateLimitPartition.GetTokenBucketLimiter(target.Rule + " " + target.Partition, _ => target.Limit.ToTokenBucket())
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = (context, _) => new ValueTask(RefuseAsync(context, options, logger));
        });
        return services;
    }

    /// <summary>The headers first (so a refusal carries them too), then the body keys, then the limiter.</summary>
    public static IApplicationBuilder UseClinicBotAccess(this IApplicationBuilder app) =>
        app.UseSecurityHeaders().UseRateLimitKeys().UseRateLimiter();

    // 429 with Retry-After and the reason; the endpoint never ran, so nothing was stored or answered.
    private static Task RefuseAsync(OnRejectedContext context, RateLimitsOptions options, ILogger logger)
    {
        var http = context.HttpContext;
        var target = RateLimitTarget.Of(http, options)!;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : target.Limit.Window / target.Limit.PermitLimit;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        RateLimitLog.Refused(logger, target.Rule, seconds);
        return TypedResults.Problem(
                title: "Too many requests",
                detail: $"{target.Reason} Try again in {seconds} s.",
                statusCode: StatusCodes.Status429TooManyRequests,
                extensions: new Dictionary<string, object?> { ["rule"] = target.Rule, ["retryAfterSeconds"] = seconds })
            .ExecuteAsync(http);
    }
}

using ClinicBot.Host.Reliability;
using ClinicBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using CheckStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;
using HealthCheckService = Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService;

namespace ClinicBot.Host.Health;

/// <summary>
/// <c>GET /healthz</c> (the process answers) and <c>GET /readyz</c> (articles indexed, the database takes a write; the
/// escalation spool's backlog in the body either way).
/// </summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("alive", null)));
        endpoints.MapGet("/readyz", Ready);
        return endpoints;
    }

    private static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> Ready(
        EngineWarmup warmup, HealthCheckService health, DeferredWorkService deferred, CancellationToken cancellationToken)
    {
        if (!warmup.Ready) return NotReady("knowledge base not loaded yet", deferred.SpoolWaiting);
        // The storage's own checks (SQLite: the file takes a write).
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(StorageReadiness.Tag), cancellationToken);
        if (report.Status != CheckStatus.Healthy)
        {
            var reason = report.Entries.Values.Where(entry => entry.Status != CheckStatus.Healthy).Select(entry => entry.Description).FirstOrDefault();
            return NotReady(reason ?? "storage not ready", deferred.SpoolWaiting);
        }

        return TypedResults.Ok(new HealthStatus("ready", warmup.Articles, deferred.SpoolWaiting));
    }

    private static JsonHttpResult<HealthStatus> NotReady(string reason, int spooled) =>
        TypedResults.Json(new HealthStatus(reason, null, spooled), statusCode: StatusCodes.Status503ServiceUnavailable);
}

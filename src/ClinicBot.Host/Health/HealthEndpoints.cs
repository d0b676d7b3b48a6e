using ClinicBot.Storage.Sqlite;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicBot.Host.Health;

/// <summary><c>GET /healthz</c> (the process answers) and <c>GET /readyz</c> (articles indexed, database reachable).</summary>
internal static partial class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("alive", null)));
        endpoints.MapGet("/readyz", Ready);
        return endpoints;
    }

    private static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> Ready(
        EngineWarmup warmup, SqliteConnectionFactory database, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!warmup.Ready) return NotReady("knowledge base not loaded yet");
        try
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM index_meta";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            DatabaseUnreachable(loggers.CreateLogger(typeof(HealthEndpoints)), ex);
            return NotReady("database unreachable");
        }

        return TypedResults.Ok(new HealthStatus("ready", warmup.Articles));
    }

    private static JsonHttpResult<HealthStatus> NotReady(string reason) =>
        TypedResults.Json(new HealthStatus(reason, null), statusCode: StatusCodes.Status503ServiceUnavailable);

    [LoggerMessage(1, LogLevel.Warning, "Readiness check: the database is unreachable")]
    private static partial void DatabaseUnreachable(ILogger logger, Exception exception);
}

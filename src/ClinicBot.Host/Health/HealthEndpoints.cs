using ClinicBot.Host.Reliability;
using ClinicBot.Storage.Sqlite;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicBot.Host.Health;

/// <summary>
/// <c>GET /healthz</c> (the process answers) and <c>GET /readyz</c> (articles indexed, the database takes a write; the
/// escalation spool's backlog in the body either way).
/// </summary>
internal static partial class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("alive", null)));
        endpoints.MapGet("/readyz", Ready);
        return endpoints;
    }

    private static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> Ready(
        EngineWarmup warmup, SqliteConnectionFactory database, DeferredWorkService deferred, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!warmup.Ready) return NotReady("knowledge base not loaded yet", deferred.SpoolWaiting);
        try
        {
            // A write, not a read: a database that answers reads but refuses writes (a full disk, a lock, a read-only
            // file) cannot record messages or escalations.
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandTimeout = 2;
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS health_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL);
                INSERT OR REPLACE INTO health_probe (id, at) VALUES (1, datetime('now'));
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            DatabaseUnreachable(loggers.CreateLogger(typeof(HealthEndpoints)), ex);
            return NotReady("database does not take writes", deferred.SpoolWaiting);
        }

        return TypedResults.Ok(new HealthStatus("ready", warmup.Articles, deferred.SpoolWaiting));
    }

    private static JsonHttpResult<HealthStatus> NotReady(string reason, int spooled) =>
        TypedResults.Json(new HealthStatus(reason, null, spooled), statusCode: StatusCodes.Status503ServiceUnavailable);

    [LoggerMessage(1, LogLevel.Warning, "Readiness check: the database does not take writes")]
    private static partial void DatabaseUnreachable(ILogger logger, Exception exception);
}

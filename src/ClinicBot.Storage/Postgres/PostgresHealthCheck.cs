using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// Readiness of the shared database: it takes a write, not only a read (a replica in recovery, a full disk or a revoked
/// grant answer reads but cannot record messages or escalations). Registered by <c>AddPostgresStorage</c> with the tag
/// <see cref="StorageReadiness.Tag"/>, as the SQLite check is.
/// </summary>
public sealed partial class PostgresHealthCheck(PostgresDatabase database, ILogger<PostgresHealthCheck> logger) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "INSERT INTO health_probe (id, at) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET at = excluded.at", connection) { CommandTimeout = 2 };
            await command.ExecuteNonQueryAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            DatabaseUnreachable(logger, ex);
            return HealthCheckResult.Unhealthy(StorageReadiness.NotWritable, ex);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Readiness check: the PostgreSQL database does not take writes")]
    private static partial void DatabaseUnreachable(ILogger logger, Exception exception);
}

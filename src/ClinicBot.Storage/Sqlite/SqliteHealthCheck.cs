using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// Readiness of the SQLite file: it takes a write, not only a read. A database that answers reads but refuses writes (a
/// full disk, a lock, a read-only file) cannot record messages or escalations. Registered by <c>AddSqliteStorage</c>
/// with the tag <see cref="StorageReadiness.Tag"/>.
/// </summary>
public sealed partial class SqliteHealthCheck(SqliteConnectionFactory database, ILogger<SqliteHealthCheck> logger) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandTimeout = 2;
            command.CommandText = "INSERT OR REPLACE INTO health_probe (id, at) VALUES (1, datetime('now'))";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException)
        {
            DatabaseUnreachable(logger, ex);
            return HealthCheckResult.Unhealthy(StorageReadiness.NotWritable, ex);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Readiness check: the database does not take writes")]
    private static partial void DatabaseUnreachable(ILogger logger, Exception exception);
}

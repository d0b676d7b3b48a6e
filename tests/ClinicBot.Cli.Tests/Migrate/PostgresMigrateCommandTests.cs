using ClinicBot.Testing;
using Npgsql;

namespace ClinicBot.Cli.Tests.Migrate;

/// <summary>
/// <c>clinicbot migrate</c> with <c>Storage:Provider</c> <c>postgres</c>: the real program on a real PostgreSQL server
/// (<see cref="PostgresServer"/>) brings an empty database to the latest version, then finds it up to date.
/// </summary>
public sealed class PostgresMigrateCommandTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Migrate_EmptyPostgresDatabase_AppliesEveryVersionThenFindsItUpToDate()
    {
        var connectionString = server.CreateDatabase("migrate");
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__ClinicBot"] = connectionString,
            ["Storage__SqlitePath"] = Path.Combine(Path.GetTempPath(), $"clinicbot-migrate-{Guid.NewGuid():N}", "clinicbot.db"),
        };
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;

        var first = await CliProcess.RunAsync(RepositoryPaths.Root, "", environment, "migrate");
        var second = await CliProcess.RunAsync(RepositoryPaths.Root, "", environment, "migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal($"Database PostgreSQL 127.0.0.1:{server.Port}/{database}: schema version 4 (applied 1, 2, 3, 4).", first.Lines.Single());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal($"Database PostgreSQL 127.0.0.1:{server.Port}/{database}: schema version 4, up to date.", second.Lines.Single());
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('conversations', 'escalations', 'sms_inbound', 'bot_inbox')", connection);
        Assert.Equal(4L, await tables.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Migrate_PostgresWithoutConnectionString_FailsNamingTheSetting()
    {
        var environment = new Dictionary<string, string> { ["Storage__Provider"] = "postgres", ["ConnectionStrings__ClinicBot"] = "" };

        var result = await CliProcess.RunAsync(RepositoryPaths.Root, "", environment, "migrate");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ConnectionStrings:ClinicBot", result.Error);
    }
}

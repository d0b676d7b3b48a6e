using ClinicBot.Testing;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Cli.Tests.Migrate;

/// <summary><c>clinicbot migrate</c> brings a database to the latest schema version: a new one, and one made before versions.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinicbot-migrate-").FullName;

    private string DatabasePath => Path.Combine(_folder, "clinicbot.db");

    [Fact]
    public async Task Migrate_NewDatabase_AppliesVersion1ThenFindsItUpToDate()
    {
        var first = await MigrateAsync();
        var second = await MigrateAsync();

        Assert.Equal(0, first.ExitCode);
        Assert.Equal($"Database {DatabasePath}: schema version 1 (applied 1).", first.Lines.Single());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal($"Database {DatabasePath}: schema version 1, up to date.", second.Lines.Single());
        Assert.Equal(1L, Scalar("SELECT count(*) FROM schema_version WHERE version = 1"));
    }

    [Fact]
    public async Task Migrate_DatabaseMadeBeforeVersions_UpgradesInPlaceKeepingItsRows()
    {
        Execute("""
            CREATE TABLE conversations (id TEXT PRIMARY KEY, channel TEXT NOT NULL, crisis_since TEXT NULL, handler TEXT NULL, created_at TEXT NOT NULL);
            INSERT INTO conversations (id, channel, created_at) VALUES ('sms:old', 'sms', '2026-11-01T00:00:00.0000000Z');
            CREATE TABLE sms_inbound (message_sid TEXT PRIMARY KEY, phone_hash TEXT NOT NULL, received_at TEXT NOT NULL);
            INSERT INTO sms_inbound (message_sid, phone_hash, received_at) VALUES ('SM1', 'hash', '2026-11-01T00:00:00.0000000Z');
            """);

        var migrated = await MigrateAsync();

        Assert.Equal(0, migrated.ExitCode);
        Assert.Equal($"Database {DatabasePath}: schema version 1 (applied 1).", migrated.Lines.Single());
        Assert.Equal(1L, Scalar("SELECT count(*) FROM conversations WHERE id = 'sms:old' AND locale IS NULL"));
        // A text handled before the inbox columns existed stays handled: no second reply after the upgrade.
        Assert.Equal(1L, Scalar("SELECT count(*) FROM sms_inbound WHERE message_sid = 'SM1' AND finished_at = received_at AND reply_encrypted IS NULL"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'directline_activities'"));
    }

    [Fact]
    public async Task Migrate_UnknownOption_PrintsUsageAndExits2()
    {
        var result = await MigrateAsync("--now");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: clinicbot migrate", result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<(int ExitCode, List<string> Lines, string Error)> MigrateAsync(params string[] options) =>
        CliProcess.RunAsync(RepositoryPaths.Root, "", new Dictionary<string, string> { ["Storage__SqlitePath"] = DatabasePath }, ["migrate", .. options]);

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}

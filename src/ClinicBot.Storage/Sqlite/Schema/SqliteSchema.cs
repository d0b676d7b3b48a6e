using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Sqlite.Schema;

/// <summary>
/// The one owner of the SQLite schema: numbered migrations, recorded in <c>schema_version</c> (one row per version applied,
/// with when and what). A database made before versions (no <c>schema_version</c>) gets migration 1, which only creates
/// what is missing, so it upgrades in place. Applied when a <see cref="SqliteConnectionFactory"/> opens the file (host
/// and CLI start-up) and by <c>clinicbot migrate</c>; a file already at the latest version is only read.
/// </summary>
public static class SqliteSchema
{
    private static readonly SqliteMigration[] Migrations = [SqliteBaseline.Migration, SqliteChannelAddresses.Migration, SqliteStaffSessions.Migration, SqliteRetentionIndexes.Migration, SqliteInboxLeases.Migration];

    /// <summary>The version the migrations bring a database to.</summary>
    public static int Latest => Migrations[^1].Version;

    /// <summary>The database's schema version: 0 when it has none recorded (new, or made before versions).</summary>
    public static int VersionOf(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0) return 0;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Applies the migrations the database lacks, in order, in one transaction; returns the versions applied.</summary>
    public static IReadOnlyList<int> Migrate(SqliteConnection connection)
    {
        if (VersionOf(connection) >= Latest) return [];

        // BEGIN IMMEDIATE: a second process starting at the same moment waits, then finds the versions applied.
        using var transaction = connection.BeginTransaction(deferred: false);
        var current = VersionOf(connection, transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";
        command.ExecuteNonQuery();

        var applied = new List<int>();
        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            migration.Apply(connection, transaction);
            command.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($version, $description, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$version", migration.Version);
            command.Parameters.AddWithValue("$description", migration.Description);
            command.ExecuteNonQuery();
            applied.Add(migration.Version);
        }

        transaction.Commit();
        return applied;
    }
}

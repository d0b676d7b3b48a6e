using Npgsql;

namespace ClinicBot.Storage.Postgres.Schema;

/// <summary>
/// The one owner of the PostgreSQL schema: numbered migrations recorded in <c>schema_version</c>, applied when a
/// <see cref="PostgresDatabase"/> opens (host and CLI start-up) and by <c>clinicbot migrate</c>. Its versions are its
/// own, not SQLite's. Several hosts starting at once take a transaction-scoped advisory lock first: one applies the
/// migrations, the others wait for its commit, then find them applied.
/// </summary>
public static class PostgresSchema
{
    // Any number every ClinicBot host agrees on; "ClinicBo" in ASCII, so it reads as ours in pg_locks.
    private const long MigrationLock = 0x436C696E6963426F;

    private static readonly PostgresMigration[] Migrations = [PostgresBaseline.Migration, PostgresStaffSessions.Migration, PostgresRetentionIndexes.Migration, PostgresInboxLeases.Migration];

    /// <summary>The version the migrations bring a database to.</summary>
    public static int Latest => Migrations[^1].Version;

    /// <summary>The database's schema version: 0 when it has none recorded (an empty database).</summary>
    public static int VersionOf(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        // Two statements: PostgreSQL resolves every table a statement names before running it, even in a branch not taken.
        using var command = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection, transaction);
        if (!(bool)command.ExecuteScalar()!) return 0;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return (int)command.ExecuteScalar()!;
    }

    /// <summary>Applies the migrations the database lacks, in order, in one transaction; returns the versions applied.</summary>
    public static IReadOnlyList<int> Migrate(NpgsqlConnection connection)
    {
        if (VersionOf(connection) >= Latest) return [];

        using var transaction = connection.BeginTransaction();
        using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@lock)", connection, transaction);
        command.Parameters.AddWithValue("lock", MigrationLock);
        command.ExecuteNonQuery();

        command.Parameters.Clear();
        command.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL)";
        command.ExecuteNonQuery();
        var current = VersionOf(connection, transaction);

        var applied = new List<int>();
        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            command.CommandText = migration.Sql;
            command.ExecuteNonQuery();
            command.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, now())";
            command.Parameters.AddWithValue("version", migration.Version);
            command.Parameters.AddWithValue("description", migration.Description);
            command.ExecuteNonQuery();
            command.Parameters.Clear();
            applied.Add(migration.Version);
        }

        transaction.Commit();
        return applied;
    }
}

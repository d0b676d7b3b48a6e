using ClinicBot.Storage.Sqlite;
using ClinicBot.Storage.Sqlite.Schema;

namespace ClinicBot.Cli.Migrate;

/// <summary>
/// <c>migrate</c>: brings the database's schema to the latest version, as the host does at start-up, and says which file
/// and version (before a deploy, or to upgrade a copy of a clinic's database).
/// </summary>
internal static class MigrateCommand
{
    public const string Usage = "usage: clinicbot migrate";

    /// <summary>Opening the file through <paramref name="database"/> applied the migrations it lacked.</summary>
    public static int Run(IReadOnlyList<string> args, SqliteConnectionFactory database, TextWriter output, TextWriter error)
    {
        if (args.Count > 0)
        {
            error.WriteLine($"clinicbot: unknown option '{args[0]}'\n{Usage}");
            return 2;
        }

        using var connection = database.Open();
        var version = SqliteSchema.VersionOf(connection);
        var applied = database.AppliedMigrations;
        output.WriteLine(applied.Count == 0
            ? $"Database {database.DatabasePath}: schema version {version}, up to date."
            : $"Database {database.DatabasePath}: schema version {version} (applied {string.Join(", ", applied)}).");
        return 0;
    }
}

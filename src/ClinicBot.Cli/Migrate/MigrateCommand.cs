using ClinicBot.Storage;

namespace ClinicBot.Cli.Migrate;

/// <summary>
/// <c>migrate</c>: brings the database's schema to the latest version, as the host does at start-up, and says which
/// database (the SQLite file, or the PostgreSQL server and database, as <c>Storage:Provider</c> chooses) and version
/// (before a deploy, or to upgrade a copy of a clinic's database).
/// </summary>
internal static class MigrateCommand
{
    public const string Usage = "usage: clinicbot migrate";

    /// <summary>Opening <paramref name="database"/> applied the migrations it lacked.</summary>
    public static int Run(IReadOnlyList<string> args, IStorageDatabase database, TextWriter output, TextWriter error)
    {
        if (args.Count > 0)
        {
            error.WriteLine($"clinicbot: unknown option '{args[0]}'\n{Usage}");
            return 2;
        }

        var version = database.SchemaVersion();
        var applied = database.AppliedMigrations;
        output.WriteLine(applied.Count == 0
            ? $"Database {database.Location}: schema version {version}, up to date."
            : $"Database {database.Location}: schema version {version} (applied {string.Join(", ", applied)}).");
        return 0;
    }
}

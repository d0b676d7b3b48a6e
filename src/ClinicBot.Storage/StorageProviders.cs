namespace ClinicBot.Storage;

/// <summary>The values <see cref="StorageOptions.Provider"/> takes.</summary>
public static class StorageProviders
{
    /// <summary>The embedded SQLite file (the default).</summary>
    public const string Sqlite = "sqlite";

    /// <summary>A PostgreSQL database shared by every host.</summary>
    public const string Postgres = "postgres";
}

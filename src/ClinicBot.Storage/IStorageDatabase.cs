namespace ClinicBot.Storage;

/// <summary>
/// The database a storage provider opened and migrated, as <c>clinicbot migrate</c>, <c>staff add</c> and the host's
/// start-up log name it: the entry points report it without knowing which provider the configuration chose.
/// </summary>
public interface IStorageDatabase
{
    /// <summary>Where the data is: the SQLite file's path, or the PostgreSQL server and database (never a password).</summary>
    string Location { get; }

    /// <summary>The schema versions applied when the storage opened the database (none when it was up to date).</summary>
    IReadOnlyList<int> AppliedMigrations { get; }

    /// <summary>The database's schema version now.</summary>
    int SchemaVersion();
}

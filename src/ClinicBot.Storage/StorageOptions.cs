namespace ClinicBot.Storage;

/// <summary>Which storage the entry points compose, bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Storage";

    /// <summary>
    /// <c>sqlite</c> (default: one file, one host) or <c>postgres</c> (one PostgreSQL 15+ database shared by several
    /// hosts, reached through <c>ConnectionStrings:ClinicBot</c>).
    /// </summary>
    public string Provider { get; set; } = StorageProviders.Sqlite;
}

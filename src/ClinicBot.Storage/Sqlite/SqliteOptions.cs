namespace ClinicBot.Storage.Sqlite;

/// <summary>The embedded SQLite database, bound from the <c>Storage</c> configuration section.</summary>
public sealed class SqliteOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Storage";

    /// <summary>
    /// The database file. Default <c>data/clinicbot.db</c>, relative to the working directory;
    /// its folder is created if missing.
    /// </summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "clinicbot.db");
}

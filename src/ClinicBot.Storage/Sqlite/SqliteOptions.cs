namespace ClinicBot.Storage.Sqlite;

/// <summary>The embedded SQLite database, bound from the <c>Storage</c> configuration section.</summary>
public sealed class SqliteOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Storage";

    /// <summary>
    /// The database file. Default <c>data/clinicbot.db</c>; a relative path is taken under the folder holding
    /// <c>knowledge/</c> from the working directory up (the repository root; <see cref="ClinicBot.Prompts.ContentPaths.ResolveData"/>);
    /// its folder is created if missing.
    /// </summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "clinicbot.db");
}

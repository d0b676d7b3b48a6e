namespace ClinicBot.Storage.Tests;

/// <summary>A SQLite file in the test's folder (one per test: the folder is).</summary>
public sealed class SqliteBackend : StorageBackend
{
    private int _files;

    public SqliteBackend()
    {
        Settings = SettingsFor("clinicbot.db");
    }

    public override IReadOnlyDictionary<string, string?> Settings { get; }

    public override IReadOnlyDictionary<string, string?> NewDatabase() => SettingsFor($"new-{Interlocked.Increment(ref _files)}.db");

    private Dictionary<string, string?> SettingsFor(string file) => new()
    {
        ["Storage:Provider"] = StorageProviders.Sqlite,
        ["Storage:SqlitePath"] = Path.Combine(Folder, file),
    };
}

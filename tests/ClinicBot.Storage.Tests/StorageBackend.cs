namespace ClinicBot.Storage.Tests;

/// <summary>
/// Where a contract test class keeps its data: the configuration that points <c>AddClinicBotStorage</c> at its database,
/// and at a brand-new one for the tests that need an empty database (migrations).
/// </summary>
public abstract class StorageBackend : IDisposable
{
    /// <summary>A folder of the test's own: the host-local SQLite file and spool go there whatever the provider.</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory("clinicbot-storage-").FullName;

    /// <summary>The settings of the test class's database.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The settings of a new, empty database.</summary>
    public abstract IReadOnlyDictionary<string, string?> NewDatabase();

    /// <inheritdoc />
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind.
        }
    }
}

using ClinicBot.Engine;
using ClinicBot.Storage;
using ClinicBot.Storage.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Testing;

/// <summary>
/// The real engine over the repository's knowledge and prompts, with its own SQLite file in a temporary folder (or the
/// PostgreSQL database that settings <c>Storage:Provider</c> and <c>ConnectionStrings:ClinicBot</c> name).
/// Dispose it to delete the folder.
/// </summary>
public sealed class EngineHost : IDisposable
{
    private readonly ServiceProvider _services;

    /// <summary>Builds the engine; <paramref name="settings"/> override configuration keys, <paramref name="configure"/> replaces services.</summary>
    public EngineHost(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("clinicbot-test-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(DataDirectory, "clinicbot.db"),
            ["Knowledge:ArticlesPath"] = RepositoryPaths.Knowledge,
            ["Knowledge:LexiconPath"] = Path.Combine(RepositoryPaths.Knowledge, "synonyms.yaml"),
            ["Prompts:Path"] = RepositoryPaths.Prompts,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;

        Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        // As the offline CLI: without Privacy:DataKey, patient text is encrypted under the development key file beside the database.
        var services = new ServiceCollection().AddLogging().AddClinicBotEngine(Configuration).AddClinicBotStorage(Configuration).AllowDevelopmentDataKey();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    /// <summary>The temporary folder holding the database.</summary>
    public string DataDirectory { get; }

    /// <summary>The configuration the engine was built with.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>A registered service.</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <inheritdoc />
    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind.
        }
    }
}

using System.Collections.Concurrent;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests;

/// <summary>
/// A database on the run's PostgreSQL server, one per test class (made by the class's first test), so its tests use ids
/// of their own; <see cref="StorageBackend.NewDatabase"/> makes an empty one.
/// </summary>
public sealed class PostgresBackend : StorageBackend
{
    private static readonly ConcurrentDictionary<Type, Lazy<string>> ClassDatabases = new();

    private readonly PostgresServer _server;

    public PostgresBackend(PostgresServer server, Type testClass)
    {
        _server = server;
        var connectionString = ClassDatabases.GetOrAdd(testClass, type => new Lazy<string>(() => server.CreateDatabase(type.Name))).Value;
        Settings = SettingsFor(connectionString);
    }

    public override IReadOnlyDictionary<string, string?> Settings { get; }

    public override IReadOnlyDictionary<string, string?> NewDatabase() => SettingsFor(_server.CreateDatabase("fresh"));

    private Dictionary<string, string?> SettingsFor(string connectionString) => new()
    {
        ["Storage:Provider"] = StorageProviders.Postgres,
        ["ConnectionStrings:ClinicBot"] = connectionString,
        ["Storage:SqlitePath"] = Path.Combine(Folder, "host-local.db"),
        // Hosts of a shared database encrypt patient text under one configured key.
        ["Privacy:DataKey"] = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i + 40)).ToArray()),
    };
}

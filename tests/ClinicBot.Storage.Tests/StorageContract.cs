using ClinicBot.Channels.Inbox;
using ClinicBot.Storage.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage.Tests;

/// <summary>
/// The base of every contract test: hosts composed as the entry points compose them (<c>AddClinicBotStorage</c> and
/// <c>AddClinicBotChannelStorage</c> from configuration) over the backend's database. Two hosts are two service
/// providers on one database, as two processes would be.
/// </summary>
public abstract class StorageContract(StorageBackend backend) : IDisposable
{
    // One key ring for every host of a test: hosts that share a database share Data Protection keys.
    private static readonly IDataProtectionProvider Protection = new EphemeralDataProtectionProvider();

    private readonly List<ServiceProvider> _hosts = [];
    private ServiceProvider? _host;

    /// <summary>A whole number of milliseconds, which both providers store exactly.</summary>
    protected static DateTimeOffset At { get; } = new(2026, 11, 30, 9, 15, 30, 250, TimeSpan.Zero);

    protected StorageBackend Backend => backend;

    /// <summary>The first host's service.</summary>
    protected T Get<T>() where T : notnull => (_host ??= NewHost()).GetRequiredService<T>();

    /// <summary>Another host on the same database (or on <paramref name="settings"/>), with <paramref name="configure"/>'s services too.</summary>
    protected ServiceProvider NewHost(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? backend.Settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Protection)
            .AddClinicBotStorage(configuration)
            .AddClinicBotChannelStorage(configuration)
            .AllowDevelopmentDataKey();
        configure?.Invoke(services);
        var host = services.BuildServiceProvider();
        lock (_hosts) _hosts.Add(host);
        return host;
    }

    /// <summary>
    /// Another host on the same database under its own inbox lease owner, as each of several hosts is (without one set,
    /// SQLite's single host is the same owner in every process on the file).
    /// </summary>
    protected ServiceProvider NewOtherHost() =>
        NewHost(configure: services => services.AddSingleton(new InboxLease(NewId("host"), InboxLease.DefaultDuration)));

    /// <summary>An id no other test of the class uses (they share the class's database).</summary>
    protected static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Runs <paramref name="count"/> calls at once, alternating between <paramref name="hosts"/>; returns their results in call order.</summary>
    protected static async Task<T[]> RaceAsync<T>(IReadOnlyList<IServiceProvider> hosts, int count, Func<IServiceProvider, int, Task<T>> call)
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await call(hosts[i % hosts.Count], i);
        })).ToArray();
        start.Set();
        return await Task.WhenAll(tasks);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var host in _hosts) host.Dispose();
        backend.Dispose();
        GC.SuppressFinalize(this);
    }
}

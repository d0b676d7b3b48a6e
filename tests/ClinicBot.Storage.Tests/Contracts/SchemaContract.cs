using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>
/// What every provider's schema owner does: an empty database gets every migration once, a second opening applies
/// none, two hosts opening an empty database at once apply them once between them; readiness reports a writable database.
/// </summary>
public abstract class SchemaContract(StorageBackend backend) : StorageContract(backend)
{
    [Fact]
    public void Open_EmptyDatabaseThenAgain_AppliesEveryVersionOnceThenNone()
    {
        var settings = Backend.NewDatabase();

        var first = NewHost(settings).GetRequiredService<IStorageDatabase>();
        var second = NewHost(settings).GetRequiredService<IStorageDatabase>();

        Assert.NotEmpty(first.AppliedMigrations);
        Assert.Equal(Enumerable.Range(1, first.AppliedMigrations.Count), first.AppliedMigrations);
        Assert.Empty(second.AppliedMigrations);
        Assert.Equal(first.AppliedMigrations[^1], second.SchemaVersion());
    }

    [Fact]
    public async Task Open_EmptyDatabaseFromTwoHostsAtOnce_AppliesEachVersionOnce()
    {
        var settings = Backend.NewDatabase();
        var hosts = new[] { NewHost(settings), NewHost(settings) };

        var applied = await RaceAsync(hosts, 2, (host, _) => Task.FromResult(host.GetRequiredService<IStorageDatabase>().AppliedMigrations));

        var all = applied.SelectMany(versions => versions).ToList();
        Assert.Equal(all.Distinct(), all);
        Assert.Equal(Enumerable.Range(1, hosts[0].GetRequiredService<IStorageDatabase>().SchemaVersion()), all.Order());
    }

    [Fact]
    public async Task Readiness_WritableDatabase_IsHealthy()
    {
        var report = await Get<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains(StorageReadiness.Tag));

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Single(report.Entries);
    }
}

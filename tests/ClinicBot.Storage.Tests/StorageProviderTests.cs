using Microsoft.Extensions.Configuration;

namespace ClinicBot.Storage.Tests;

/// <summary><c>Storage:Provider</c> chooses the storage; an unknown name fails rather than falling back to another database.</summary>
public sealed class StorageProviderTests
{
    [Theory]
    [InlineData(null, StorageProviders.Sqlite)]
    [InlineData("sqlite", StorageProviders.Sqlite)]
    [InlineData("Postgres", StorageProviders.Postgres)]
    public void ProviderOf_KnownOrMissing_ReturnsTheProvider(string? configured, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = configured }).Build();

        Assert.Equal(expected, StorageServiceCollectionExtensions.ProviderOf(configuration));
    }

    [Fact]
    public void ProviderOf_UnknownName_FailsNamingTheChoices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "mysql" }).Build();

        var failure = Assert.Throws<InvalidOperationException>(() => StorageServiceCollectionExtensions.ProviderOf(configuration));

        Assert.Contains("'sqlite'", failure.Message);
        Assert.Contains("'postgres'", failure.Message);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage;

/// <summary>
/// Registers the storage <c>Storage:Provider</c> names, so the host, the CLI and the test fixtures choose it the same way.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>The engine's storage: <see cref="SqliteServiceCollectionExtensions.AddSqliteStorage"/> or <see cref="PostgresServiceCollectionExtensions.AddPostgresStorage"/>.</summary>
    public static IServiceCollection AddClinicBotStorage(this IServiceCollection services, IConfiguration configuration) =>
        ProviderOf(configuration) == StorageProviders.Postgres ? services.AddPostgresStorage(configuration) : services.AddSqliteStorage(configuration);

    /// <summary>The channels' storage, after <see cref="AddClinicBotStorage"/>, from the same provider.</summary>
    public static IServiceCollection AddClinicBotChannelStorage(this IServiceCollection services, IConfiguration configuration) =>
        ProviderOf(configuration) == StorageProviders.Postgres ? services.AddPostgresChannelStorage() : services.AddSqliteChannelStorage();

    /// <summary>The configured provider; an unknown name fails start-up rather than falling back to another database.</summary>
    public static string ProviderOf(IConfiguration configuration)
    {
        var provider = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Provider ?? StorageProviders.Sqlite;
        return provider.ToLowerInvariant() switch
        {
            StorageProviders.Sqlite or "" => StorageProviders.Sqlite,
            StorageProviders.Postgres => StorageProviders.Postgres,
            _ => throw new InvalidOperationException(
                $"Storage:Provider '{provider}' is not known: use '{StorageProviders.Sqlite}' (the default) or '{StorageProviders.Postgres}'."),
        };
    }
}

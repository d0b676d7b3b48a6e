using ClinicBot.Channels.DirectLine;
using ClinicBot.Prompts;
using ClinicBot.Storage;
using ClinicBot.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ClinicBot.Host.WebChat;

/// <summary>
/// Registers the clinic page and the web chat's Direct Line (its conversations are kept by the storage the host chose)
/// and, unless one is configured, the token signing key kept beside the SQLite file. With PostgreSQL several hosts serve
/// one site and each must accept the tokens the others signed, so the key must be configured: start-up fails without it.
/// </summary>
internal static class WebChatServiceCollectionExtensions
{
    /// <summary>Call after <c>AddBotFramework</c>: Direct Line turns reuse its activity processing.</summary>
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClinicSiteOptions>().Bind(configuration.GetSection(ClinicOptions.Section));
        services.AddDirectLine(configuration);
        if (StorageServiceCollectionExtensions.ProviderOf(configuration) == StorageProviders.Postgres)
        {
            services.AddOptions<WebChatOptions>()
                .Validate(web => !string.IsNullOrEmpty(web.TokenSigningKey) || !string.IsNullOrEmpty(web.DirectLineSecret),
                    "WebChat:TokenSigningKey is required with Storage:Provider 'postgres': every host must check the tokens the others signed (base64, at least 32 bytes; environment variable WebChat__TokenSigningKey).")
                .ValidateOnStart();
        }
        else
        {
            services.AddOptions<WebChatOptions>().PostConfigure<IOptions<SqliteOptions>>((web, sqlite) =>
            {
                if (string.IsNullOrEmpty(web.TokenSigningKey))
                {
                    var data = Path.GetDirectoryName(Path.GetFullPath(sqlite.Value.SqlitePath))!;
                    web.TokenSigningKey = SigningKeyFile.LoadOrCreate(Path.Combine(data, SigningKeyFile.FileName));
                }
            });
        }

        services.AddSingleton<WebChatPage>();
        return services;
    }
}

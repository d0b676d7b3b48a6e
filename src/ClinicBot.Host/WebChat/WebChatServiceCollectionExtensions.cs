using ClinicBot.Channels.DirectLine;
using ClinicBot.Prompts;
using ClinicBot.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ClinicBot.Host.WebChat;

/// <summary>
/// Registers the clinic page and the web chat's Direct Line (its conversations are kept by the storage the host chose)
/// and, unless one is configured, the token signing key kept beside the SQLite file.
/// </summary>
internal static class WebChatServiceCollectionExtensions
{
    /// <summary>Call after <c>AddBotFramework</c>: Direct Line turns reuse its activity processing.</summary>
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClinicSiteOptions>().Bind(configuration.GetSection(ClinicOptions.Section));
        services.AddDirectLine(configuration);
        services.AddOptions<WebChatOptions>().PostConfigure<IOptions<SqliteOptions>>((web, sqlite) =>
        {
            if (string.IsNullOrEmpty(web.TokenSigningKey))
            {
                var data = Path.GetDirectoryName(Path.GetFullPath(sqlite.Value.SqlitePath))!;
                web.TokenSigningKey = SigningKeyFile.LoadOrCreate(Path.Combine(data, SigningKeyFile.FileName));
            }
        });
        services.AddSingleton<WebChatPage>();
        return services;
    }
}

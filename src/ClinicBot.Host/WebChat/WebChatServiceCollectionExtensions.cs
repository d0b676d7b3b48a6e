using ClinicBot.Channels.DirectLine;
using ClinicBot.Prompts;

namespace ClinicBot.Host.WebChat;

/// <summary>Registers the clinic page and the web chat's Direct Line, with conversations kept in the SQLite file.</summary>
internal static class WebChatServiceCollectionExtensions
{
    /// <summary>Call after <c>AddBotFramework</c>: Direct Line turns reuse its activity processing.</summary>
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClinicSiteOptions>().Bind(configuration.GetSection(ClinicOptions.Section));
        services.AddSingleton<IDirectLineStore, SqliteDirectLineStore>();
        services.AddDirectLine(configuration);
        services.AddSingleton<WebChatPage>();
        return services;
    }
}

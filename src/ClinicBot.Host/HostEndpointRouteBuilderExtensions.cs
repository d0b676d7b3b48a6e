using ClinicBot.Channels.BotFramework;
using ClinicBot.Host.Articles;
using ClinicBot.Host.Health;

namespace ClinicBot.Host;

/// <summary>Maps every endpoint of the web host.</summary>
internal static class HostEndpointRouteBuilderExtensions
{
    public static WebApplication MapClinicBotHost(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealth();
        app.MapArticles();
        app.MapBotFramework();
        return app;
    }
}

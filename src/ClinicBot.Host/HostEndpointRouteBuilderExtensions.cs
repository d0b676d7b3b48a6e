using ClinicBot.Channels.BotFramework;
using ClinicBot.Channels.Sms;
using ClinicBot.Host.Access;
using ClinicBot.Host.Articles;
using ClinicBot.Host.Health;
using ClinicBot.Host.WebChat;
using ClinicBot.Staff.Console;

namespace ClinicBot.Host;

/// <summary>Maps every endpoint of the web host.</summary>
internal static class HostEndpointRouteBuilderExtensions
{
    public static WebApplication MapClinicBotHost(this WebApplication app)
    {
        // A request Kestrel refuses while the body is read (too large, cut short) keeps its 4xx instead of becoming a 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseClinicBotAccess();
        app.MapHealth();
        app.MapArticles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapBotFramework();
        app.MapWebChat();
        app.MapSms();
        app.MapStaffConsole();
        return app;
    }
}

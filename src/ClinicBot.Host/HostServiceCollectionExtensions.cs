using ClinicBot.Channels.BotFramework;
using ClinicBot.Channels.Sms;
using ClinicBot.Engine;
using ClinicBot.Host.Access;
using ClinicBot.Host.Health;
using ClinicBot.Host.Reliability;
using ClinicBot.Host.Storage;
using ClinicBot.Host.WebChat;
using ClinicBot.Staff;
using ClinicBot.Staff.Console;
using ClinicBot.Storage;

namespace ClinicBot.Host;

/// <summary>Composes the web host: the engine over the storage <c>Storage:Provider</c> names (SQLite or PostgreSQL), the Bot Framework channel, the staff console, health and article pages.</summary>
internal static class HostServiceCollectionExtensions
{
    public static IServiceCollection AddClinicBotHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddClinicBotEngine(configuration).AddClinicBotStorage(configuration).AddClinicBotChannelStorage(configuration);
        services.AddPatientDataProtection();
        services.AddBotFramework(configuration);
        services.AddWebChat(configuration);
        services.AddSms(configuration);
        services.AddStaffConsole();
        services.AddStaffNotificationDispatcher();
        services.AddRetentionJob();
        services.AddClinicBotAccess(configuration);
        services.AddOptions<WarmupOptions>().Bind(configuration.GetSection(WarmupOptions.Section));
        services.AddSingleton<TurnWarmup>();
        services.AddSingleton<EngineWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineWarmup>());
        services.AddSingleton<DeferredWorkService>();
        services.AddHostedService(sp => sp.GetRequiredService<DeferredWorkService>());
        return services;
    }
}

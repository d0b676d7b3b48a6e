using ClinicBot.Channels.BotFramework;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Host.Health;
using ClinicBot.Host.Storage;
using ClinicBot.Storage;

namespace ClinicBot.Host;

/// <summary>Composes the web host: the engine over SQLite, the Bot Framework channel, health and article pages.</summary>
internal static class HostServiceCollectionExtensions
{
    public static IServiceCollection AddClinicBotHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddClinicBotEngine(configuration);
        services.AddSingleton<IActivityLedger, SqliteActivityLedger>();
        services.AddBotFramework(configuration);
        services.AddSingleton<EngineWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineWarmup>());
        return services;
    }
}

using ClinicBot.Answering;
using ClinicBot.Conversations;
using ClinicBot.Knowledge;
using ClinicBot.Prompts;
using ClinicBot.Safety;
using ClinicBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Cli;

/// <summary>The engine's registrations in one place, shared by the CLI and the tests that drive it.</summary>
public static class ClinicBotEngine
{
    /// <summary>Registers prompts, storage, knowledge, safety, answering and the turn pipeline.</summary>
    public static IServiceCollection AddClinicBotEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var prompts = configuration.GetSection(PromptsOptions.Section).Get<PromptsOptions>() ?? new PromptsOptions();
        return services
            .AddPrompts(configuration)
            .AddSqliteStorage(configuration)
            .AddKnowledge(configuration)
            .AddSafety(options => options.RulesDirectory = Path.Combine(prompts.ResolvedPath, "safety"))
            .AddAnswering(configuration)
            .AddConversations();
    }
}

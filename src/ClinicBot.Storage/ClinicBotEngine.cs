using ClinicBot.Answering;
using ClinicBot.Conversations;
using ClinicBot.Knowledge;
using ClinicBot.Llm;
using ClinicBot.Prompts;
using ClinicBot.Safety;
using ClinicBot.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage;

/// <summary>The whole engine over the embedded SQLite storage: what the CLI, the host and the tests register.</summary>
public static class ClinicBotEngine
{
    /// <summary>Registers prompts, storage, knowledge, safety, answering, the turn pipeline and the staff queue.</summary>
    public static IServiceCollection AddClinicBotEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var prompts = configuration.GetSection(PromptsOptions.Section).Get<PromptsOptions>() ?? new PromptsOptions();
        return services
            .AddPrompts(configuration)
            .AddSqliteStorage(configuration)
            .AddKnowledge(configuration)
            .AddSafety(options => options.RulesDirectory = Path.Combine(prompts.ResolvedPath, "safety"))
            .AddAnswering(configuration)
            .AddLlm(configuration)
            .AddConversations()
            .AddStaff(configuration);
    }
}

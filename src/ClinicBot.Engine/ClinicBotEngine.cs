using ClinicBot.Answering;
using ClinicBot.Conversations;
using ClinicBot.Knowledge;
using ClinicBot.Llm;
using ClinicBot.Prompts;
using ClinicBot.Safety;
using ClinicBot.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Engine;

/// <summary>
/// The whole engine, without storage: what the CLI, the host and the tests register. Storage is the caller's choice
/// (<c>AddSqliteStorage</c>): the engine's ports are implemented there, and this project does not see it.
/// </summary>
public static class ClinicBotEngine
{
    /// <summary>Registers prompts, knowledge, safety, answering, the LLM seam, the turn pipeline and the staff queue.</summary>
    public static IServiceCollection AddClinicBotEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var prompts = configuration.GetSection(PromptsOptions.Section).Get<PromptsOptions>() ?? new PromptsOptions();
        return services
            .AddPrompts(configuration)
            .AddKnowledge(configuration)
            .AddSafety(options => options.RulesDirectory = Path.Combine(prompts.ResolvedPath, "safety"))
            .AddAnswering(configuration)
            .AddLlm(configuration)
            .AddConversations()
            .AddStaff(configuration);
    }
}

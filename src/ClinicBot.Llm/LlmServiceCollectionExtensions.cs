using ClinicBot.Answering.Generative;
using ClinicBot.Llm.OpenAi;
using ClinicBot.Llm.Resilience;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClinicBot.Llm;

/// <summary>Registers generative answering when a language model is configured.</summary>
public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// When <c>Llm:Endpoint</c> and <c>Llm:Deployment</c> are set: binds and validates <see cref="LlmOptions"/> and
    /// <see cref="GenerativeOptions"/> (<c>Llm:Answer</c>), registers the OpenAI-SDK <see cref="IChatClient"/> and makes
    /// the generative composer the answerer, with the extractive one as its fallback. Otherwise does nothing and
    /// answers stay extractive. Call after <c>AddAnswering</c>.
    /// </summary>
    public static IServiceCollection AddLlm(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LlmOptions.Section);
        if (!(section.Get<LlmOptions>() ?? new LlmOptions()).IsConfigured) return services;

        services.AddOptions<LlmOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GenerativeOptions>().Bind(configuration.GetSection(GenerativeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IChatClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger("ClinicBot.Llm") ?? NullLogger.Instance;
            return OpenAiChatClient.Create(options, LlmResiliencePipeline.Build(options, sp.GetRequiredService<TimeProvider>(), logger));
        });
        return services.AddGenerativeComposer();
    }
}

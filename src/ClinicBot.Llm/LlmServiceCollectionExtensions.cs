using Azure.Core;
using ClinicBot.Answering.Generative;
using ClinicBot.Http.Resilience;
using ClinicBot.Llm.Connectors;
using ClinicBot.Llm.PromptTemplates;
using ClinicBot.Llm.Resilience;
using ClinicBot.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ClinicBot.Llm;

/// <summary>Registers generative answering when a language model is configured.</summary>
public static class LlmServiceCollectionExtensions
{
    /// <summary>The DI key of the language model's own services (kernel, HTTP client, Entra ID credential).</summary>
    internal const string ServiceKey = "ClinicBot.Llm";

    /// <summary>
    /// When <c>Llm:Endpoint</c> and <c>Llm:Deployment</c> are set: binds and validates <see cref="LlmOptions"/> and
    /// <see cref="GenerativeOptions"/> (<c>Llm:Answer</c>), registers the Semantic Kernel <see cref="Kernel"/> (Azure OpenAI
    /// or OpenAI connector, every request through the named client's resilience handler), its chat service as the
    /// <see cref="IChatClient"/>, and the prompt file as the <see cref="IAnswerPrompt"/>; then makes the generative
    /// composer the answerer, with the extractive one as its fallback. Otherwise does nothing and answers stay
    /// extractive. Call after <c>AddAnswering</c>.
    /// </summary>
    public static IServiceCollection AddLlm(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LlmOptions.Section);
        if (!(section.Get<LlmOptions>() ?? new LlmOptions()).IsConfigured) return services;

        services.AddOptions<LlmOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GenerativeOptions>().Bind(configuration.GetSection(GenerativeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TokenCredential>(ServiceKey, (sp, _) => LlmCredential.Create(Options(sp)));
        // Pooled connections are recycled so DNS changes are seen (the kernel keeps this one client); the resilience
        // handler runs each request, and inside it every attempt reads the whole reply.
        var http = services.AddHttpClient(ServiceKey)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        http.AddHttpResilience(sp => Options(sp).Resilience());
        http.AddHttpMessageHandler(() => new WholeBodyHandler());
        services.AddKeyedSingleton(ServiceKey, (sp, _) => sp.GetRequiredService<IHttpClientFactory>().CreateClient(ServiceKey));
        services.AddKeyedSingleton(ServiceKey, (sp, _) => LlmKernel.Create(
            Options(sp), sp.GetRequiredKeyedService<HttpClient>(ServiceKey), () => sp.GetRequiredKeyedService<TokenCredential>(ServiceKey)));
        services.AddSingleton<IChatClient>(sp => Kernel(sp).GetRequiredService<IChatCompletionService>().AsChatClient());
        services.AddSingleton<IAnswerPrompt>(sp => KernelAnswerPrompt.Load(
            Path.Combine(sp.GetRequiredService<IOptions<PromptsOptions>>().Value.ResolvedPath, sp.GetRequiredService<IOptions<GenerativeOptions>>().Value.PromptFile),
            Kernel(sp)));
        return services.AddGenerativeComposer();
    }

    private static LlmOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<LlmOptions>>().Value;

    private static Kernel Kernel(IServiceProvider services) => services.GetRequiredKeyedService<Kernel>(ServiceKey);
}

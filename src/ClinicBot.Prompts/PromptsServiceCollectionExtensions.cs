using ClinicBot.Prompts.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClinicBot.Prompts;

/// <summary>Registers the clinic's settings and the response templates.</summary>
public static class PromptsServiceCollectionExtensions
{
    /// <summary>Binds <c>Clinic</c> and <c>Prompts</c> and loads <c>prompts/responses</c> once.</summary>
    public static IServiceCollection AddPrompts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClinicOptions>().Bind(configuration.GetSection(ClinicOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PromptsOptions>().Bind(configuration.GetSection(PromptsOptions.Section));
        services.AddSingleton(sp => ResponseTemplates.Load(
            System.IO.Path.Combine(sp.GetRequiredService<IOptions<PromptsOptions>>().Value.ResolvedPath, "responses"),
            sp.GetRequiredService<IOptions<ClinicOptions>>().Value.TemplateValues()));
        return services;
    }
}

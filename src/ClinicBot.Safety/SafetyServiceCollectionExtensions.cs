using ClinicBot.Safety.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Guard = ClinicBot.Safety.OutputGuard.OutputGuard;

namespace ClinicBot.Safety;

/// <summary>Registers triage and the output guard, both compiled once from the rule files.</summary>
public static class SafetyServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SafetyOptions"/> (validated on start), a singleton <see cref="TriageClassifier"/> and a singleton
    /// <see cref="Guard"/>. An invalid rule file fails start-up rather than the first patient message.
    /// </summary>
    public static IServiceCollection AddSafety(this IServiceCollection services, Action<SafetyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SafetyOptions>();
        if (configure is not null) options.Configure(configure);
        options
            .Validate(o => Directory.Exists(o.RulesDirectory), "Safety:RulesDirectory must name an existing directory of safety rule files.")
            .ValidateOnStart();

        services.AddSingleton(sp => TriageClassifier.Load(sp.GetRequiredService<IOptions<SafetyOptions>>().Value.RulesDirectory));
        services.AddSingleton(sp => Guard.Load(sp.GetRequiredService<IOptions<SafetyOptions>>().Value.RulesDirectory));
        return services;
    }
}

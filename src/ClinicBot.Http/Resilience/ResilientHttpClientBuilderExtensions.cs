using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClinicBot.Http.Resilience;

/// <summary>Puts <see cref="HttpResiliencePipeline"/> in a named client's handlers (Microsoft.Extensions.Http.Resilience).</summary>
public static class ResilientHttpClientBuilderExtensions
{
    /// <summary>The logger category of every client's retries and circuit breaker.</summary>
    public const string LogCategory = "ClinicBot.Http.Resilience";

    /// <summary>
    /// Adds a resilience handler built from <paramref name="settings"/> (read once, when the pipeline is first built),
    /// timed by the registered <see cref="TimeProvider"/>. The client's own timeout is turned off: the pipeline's
    /// timeouts are the only ones. Handlers added after this one run inside each attempt.
    /// </summary>
    public static IHttpResiliencePipelineBuilder AddHttpResilience(this IHttpClientBuilder builder, Func<IServiceProvider, HttpResilienceSettings> settings)
    {
        var name = builder.Name;
        builder.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        return builder.AddResilienceHandler(name, (pipeline, context) =>
        {
            var services = context.ServiceProvider;
            var logger = services.GetService<ILoggerFactory>()?.CreateLogger(LogCategory) ?? NullLogger.Instance;
            var client = string.IsNullOrEmpty(context.InstanceName) ? name : $"{name} ({context.InstanceName})";
            pipeline.AddHttpStrategies(settings(services), services.GetService<TimeProvider>() ?? TimeProvider.System, logger, client);
        });
    }
}

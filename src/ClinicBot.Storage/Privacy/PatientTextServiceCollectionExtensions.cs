using ClinicBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBot.Storage.Privacy;

/// <summary>Registers patient text encryption at rest (<see cref="PatientTextCipher"/>) for both providers.</summary>
public static class PatientTextServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Privacy</c>, validated at start-up (a missing or invalid key outside Development stops the host with a
    /// clear message), and registers the cipher the stores use.
    /// </summary>
    internal static IServiceCollection AddPatientTextCipher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section))
            .PostConfigure<IServiceProvider>((o, sp) => o.DevelopmentKeyAllowed |= sp.GetService<IHostEnvironment>()?.IsDevelopment() == true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, ClearValidation>();
        services.AddSingleton(sp => PatientTextKeys.Cipher(
            sp.GetRequiredService<IOptions<PrivacyOptions>>().Value,
            sp.GetRequiredService<IOptions<SqliteOptions>>().Value.SqlitePath,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("ClinicBot.Storage.Privacy")));
        return services;
    }

    /// <summary>
    /// Lets a missing <c>Privacy:DataKey</c> fall back to the development key file beside the database: for the offline
    /// CLI and test fixtures (the web host allows it in the Development environment only).
    /// </summary>
    public static IServiceCollection AllowDevelopmentDataKey(this IServiceCollection services) =>
        services.PostConfigure<PrivacyOptions>(o => o.DevelopmentKeyAllowed = true);

    // What start-up validation reports, word for word.
    private sealed class ClearValidation : IValidateOptions<PrivacyOptions>
    {
        public ValidateOptionsResult Validate(string? name, PrivacyOptions options) =>
            PatientTextKeys.Problem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}

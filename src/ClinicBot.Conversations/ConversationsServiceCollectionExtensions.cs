using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.Escalations;
using ClinicBot.Conversations.Offers;
using ClinicBot.Conversations.Privacy;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClinicBot.Conversations;

/// <summary>Registers the turn pipeline.</summary>
public static class ConversationsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TurnPipeline"/>; safety, answering and storage must be registered too.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => OfferAcceptance.Load(
            Path.Combine(sp.GetRequiredService<IOptions<PromptsOptions>>().Value.ResolvedPath, "answering", "accept-offer.yaml")));
        services.AddSingleton(sp => ErasureConfirmation.Load(
            Path.Combine(sp.GetRequiredService<IOptions<PromptsOptions>>().Value.ResolvedPath, "answering", "confirm-erase.yaml")));
        services.AddSingleton<ForgetMe>();
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<SafetyNet>();
        services.AddSingleton<CrisisCheck>();
        services.AddSingleton<SpoolReplay>();
        services.AddSingleton<PatientMessenger>();
        return services;
    }
}

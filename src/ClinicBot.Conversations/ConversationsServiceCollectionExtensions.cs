using ClinicBot.Conversations.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClinicBot.Conversations;

/// <summary>Registers the turn pipeline.</summary>
public static class ConversationsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TurnPipeline"/>; safety, answering and storage must be registered too.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TurnPipeline>();
        return services;
    }
}

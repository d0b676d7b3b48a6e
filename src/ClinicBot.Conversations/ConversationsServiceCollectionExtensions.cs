using ClinicBot.Conversations.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Conversations;

/// <summary>Registers the turn pipeline.</summary>
public static class ConversationsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TurnPipeline"/>; knowledge, answering and storage must be registered too.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<TurnPipeline>();
        return services;
    }
}

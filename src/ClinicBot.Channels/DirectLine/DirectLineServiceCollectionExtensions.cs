using ClinicBot.Channels.BotFramework;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.Inbox;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Http.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine;

/// <summary>Registers ClinicBot's Direct Line and the web chat token service.</summary>
public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>WebChat</c> (validated on start) and registers the Direct Line endpoint's services and its <see cref="IChannelDelivery"/>.
    /// Call after <see cref="BotFrameworkServiceCollectionExtensions.AddBotFramework"/>: Direct Line turns go through its activity processor.
    /// A host that keeps conversations elsewhere registers its <see cref="IDirectLineStore"/> first.
    /// </summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>().Bind(configuration.GetSection(WebChatOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        InboxLease.Register(services);
        services.TryAddSingleton<IDirectLineStore, InMemoryDirectLineStore>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<DirectLineTranscript>();
        services.AddSingleton<DirectLineBotAccount>();
        services.AddSingleton<DirectLineSuggestions>();
        services.AddSingleton<DirectLineReplySink>();
        services.AddSingleton<DirectLineBot>();
        // Registered as IHostedService (AddHostedService keeps one service per type, and each inbox scope has its own); the
        // echoes first, so a recovered message is in the conversation before its reply.
        services.AddSingleton<IHostedService, DirectLineEchoRecovery>();
        services.AddSingleton<IHostedService>(sp => new ActivityInboxRecovery(
            sp.GetRequiredService<ActivityProcessor>(), sp.GetRequiredService<DirectLineReplySink>(), activity => activity.ServiceUrl = DirectLineReplySink.ServiceUrl,
            sp.GetRequiredService<InboxLease>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ActivityInboxRecovery>>()));
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineStream>();
        services.AddHttpClient(AzureDirectLineTokens.HttpClientName)
            .AddHttpResilience(sp => sp.GetRequiredService<IOptions<WebChatOptions>>().Value.AzureResilience());
        services.AddSingleton<AzureDirectLineTokens>();
        services.AddSingleton<IChannelDelivery, DirectLineDelivery>();
        return services;
    }
}

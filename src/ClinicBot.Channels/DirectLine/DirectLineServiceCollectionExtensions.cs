using ClinicBot.Channels.BotFramework;
using ClinicBot.Channels.BotFramework.Connector;
using ClinicBot.Channels.BotFramework.Delivery;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.Turns;
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
    /// Call after <see cref="BotFrameworkServiceCollectionExtensions.AddBotFramework"/>: Direct Line turns use the same activity processing.
    /// A host that keeps conversations elsewhere registers its <see cref="IDirectLineStore"/> first.
    /// </summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>().Bind(configuration.GetSection(WebChatOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDirectLineStore, InMemoryDirectLineStore>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<DirectLineTranscript>();
        services.AddSingleton<DirectLineBotAccount>();
        services.AddSingleton<DirectLineSuggestions>();
        services.AddSingleton<InProcessConnectorHandler>();
        services.AddSingleton(sp =>
        {
            // The same processing as /api/messages; only its Connector calls are answered in process.
            var connector = new ConnectorClient(
                new InProcessHttpClientFactory(sp.GetRequiredService<InProcessConnectorHandler>()), new AnonymousTokenProvider(), new TrustedServiceUrls(),
                sp.GetRequiredService<ILogger<ConnectorClient>>());
            return new DirectLineBot(new ActivityProcessor(
                sp.GetRequiredService<ITurnHandler>(), sp.GetRequiredService<HostReplies>(), sp.GetRequiredService<IActivityLedger>(),
                sp.GetRequiredService<IActivityInbox>(), DirectLineConversations.ChannelId, connector,
                sp.GetRequiredService<IOptions<BotFrameworkOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ActivityProcessor>>(),
                sp.GetRequiredService<IConversationReferenceStore>(), safetyNet: sp.GetService<SafetyNet>()));
        });
        // Registered as IHostedService (AddHostedService keeps one service per type, and each channel has its own); the
        // echoes first, so a recovered message is in the conversation before its reply.
        services.AddSingleton<IHostedService, DirectLineEchoRecovery>();
        services.AddSingleton<IHostedService>(sp => new ActivityInboxRecovery(
            sp.GetRequiredService<DirectLineBot>().Processor, DirectLineConversations.ChannelId, activity => activity.ServiceUrl = InProcessConnectorHandler.ServiceUrl,
            sp.GetRequiredService<ILogger<ActivityInboxRecovery>>()));
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineStream>();
        services.AddHttpClient(AzureDirectLineTokens.HttpClientName)
            .AddHttpResilience(sp => sp.GetRequiredService<IOptions<WebChatOptions>>().Value.AzureResilience());
        services.AddSingleton<AzureDirectLineTokens>();
        services.AddSingleton<IChannelDelivery, DirectLineDelivery>();
        return services;
    }
}

using Azure.Core;
using ClinicBot.Channels.BotFramework.Authentication;
using ClinicBot.Channels.BotFramework.Connector;
using ClinicBot.Channels.BotFramework.Delivery;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.Inbox;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.State;
using ClinicBot.Conversations.Turns;
using ClinicBot.Http.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ClinicBot.Channels.BotFramework;

/// <summary>Registers the Bot Framework channel: authentication, the Connector client and activity processing.</summary>
public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>The inbox scope of activities answered through the Connector (<c>/api/messages</c>); a reply sink has its own.</summary>
    public const string InboxScope = "botframework";

    /// <summary>The named <see cref="HttpClient"/> that fetches OpenID metadata and signing keys.</summary>
    public const string MetadataHttpClientName = "BotFramework.OpenIdMetadata";

    /// <summary>
    /// Binds the root <c>MicrosoftApp*</c> keys and the <c>BotFramework</c> section (both validated on start) and registers
    /// <see cref="InboundAuthenticator"/> and the host's one <see cref="ActivityProcessor"/>. The turn pipeline must be registered too.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotCredentialsOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentialsOptions>, BotCredentialsOptionsValidator>();
        services.AddOptions<BotFrameworkOptions>().Bind(configuration.GetSection(BotFrameworkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(MetadataHttpClientName);
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .AddHttpResilience(sp => sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.ConnectorResilience())
            .SelectPipelineByAuthority();

        services.TryAddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataHttpClientName);
            return new ConfigurationManager<OpenIdConnectConfiguration>(
                options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(http) { RequireHttps = options.RequireHttpsMetadata })
            {
                AutomaticRefreshInterval = options.MetadataRefreshInterval,
            };
        });
        services.AddSingleton<ChannelTokenValidator>();
        services.AddSingleton(sp => new InboundAuthenticator(
            sp.GetRequiredService<IOptions<BotCredentialsOptions>>().Value.AuthenticationEnabled ? sp.GetRequiredService<ChannelTokenValidator>() : null));

        services.TryAddSingleton(sp => BotTokenCredentials.Create(
            sp.GetRequiredService<IOptions<BotCredentialsOptions>>().Value, sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value));
        services.AddSingleton<IBotTokenProvider>(sp => sp.GetRequiredService<IOptions<BotCredentialsOptions>>().Value.AuthenticationEnabled
            ? ActivatorUtilities.CreateInstance<AzureIdentityTokenProvider>(sp, sp.GetRequiredService<TokenCredential>())
            : new AnonymousTokenProvider());
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton(sp => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IBotTokenProvider>(), sp.GetRequiredService<TrustedServiceUrls>(),
            sp.GetRequiredService<ILogger<ConnectorClient>>()));

        services.TryAddSingleton<ITurnHandler, PipelineTurnHandler>();
        services.TryAddSingleton<IActivityLedger, InMemoryActivityLedger>();
        InboxLease.Register(services);
        services.TryAddSingleton<IActivityInbox, InMemoryActivityInbox>();
        services.AddSingleton<HostReplies>();
        services.AddSingleton(sp => new ActivityProcessor(
            sp.GetRequiredService<ITurnHandler>(), sp.GetRequiredService<HostReplies>(), sp.GetRequiredService<IActivityLedger>(),
            sp.GetRequiredService<IActivityInbox>(), InboxScope, sp.GetRequiredService<ConnectorClient>(), sp.GetRequiredService<IOptions<BotFrameworkOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ActivityProcessor>>(), sp.GetRequiredService<IConversationReferenceStore>(),
            sp.GetService<IConversationStore>(), sp.GetService<SafetyNet>(), sp.GetRequiredService<InboxLease>()));
        // A recovered activity came through authentication before it was stored: its serviceUrl is trusted again.
        services.AddSingleton<IHostedService>(sp => new ActivityInboxRecovery(
            sp.GetRequiredService<ActivityProcessor>(), sink: null, activity =>
            {
                if (!string.IsNullOrEmpty(activity.CallerId) && !string.IsNullOrEmpty(activity.ServiceUrl)) sp.GetRequiredService<TrustedServiceUrls>().Trust(activity.ServiceUrl);
            },
            sp.GetRequiredService<InboxLease>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ActivityInboxRecovery>>()));
        services.TryAddSingleton<IConversationReferenceStore, InMemoryConversationReferenceStore>();
        services.AddSingleton<IChannelDelivery, BotFrameworkDelivery>();
        return services;
    }
}

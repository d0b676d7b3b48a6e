using ClinicBot.Channels.Inbox;
using ClinicBot.Channels.Sms.Twilio;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.Escalations;
using ClinicBot.Conversations.Turns;
using ClinicBot.Http.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.Sms;

/// <summary>Registers the SMS channel: Twilio webhook, REST sender, opt-out store, staff delivery and display names.</summary>
public static class SmsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Sms</c> (validated on start: keys once an Auth Token is set, no secret in appsettings.json) and registers
    /// what <see cref="SmsEndpoints.MapSms"/> and <see cref="SmsTurnFilter"/> need. The engine must be registered too, and a storage implementing <see cref="ISmsSubscriberStore"/> and <see cref="ISmsInboxStore"/>.
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection($"{SmsOptions.Section}:Twilio")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsOptions>>(new SmsOptionsValidator(configuration));
        services.TryAddSingleton(TimeProvider.System);
        InboxLease.Register(services);
        services.AddHttpClient(TwilioMessages.HttpClientName)
            .AddHttpMessageHandler(sp => new TwilioApiBaseUrlHandler(sp.GetRequiredService<IOptions<SmsOptions>>()))
            .AddHttpResilience(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.Twilio.Resilience());

        services.AddSingleton<PhoneProtector>();
        services.AddSingleton<TwilioMessages>();
        services.AddSingleton<SmsOutbound>();
        services.AddSingleton<SmsReplyFormatter>();
        services.AddSingleton<SmsConversations>();
        services.AddSingleton(sp => new SmsTurnFilter(
            sp.GetRequiredService<SmsConversations>(), sp.GetRequiredService<SafetyNet>(), sp.GetRequiredService<ILogger<SmsTurnFilter>>()));
        services.AddSingleton<SmsBackgroundReplies>();
        services.AddHostedService(sp => sp.GetRequiredService<SmsBackgroundReplies>());
        services.AddSingleton<SmsInbox>();
        services.AddHostedService<SmsInboxRecovery>();
        services.AddSingleton<SmsWebhook>();
        services.AddSingleton<IChannelDelivery, SmsChannelDelivery>();
        services.AddSingleton<IPatientDisplayName, SmsPatientDisplayName>();
        return services;
    }
}

using ClinicBot.Conversations.Escalations;
using ClinicBot.Http.Resilience;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Console;
using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Queue;
using ClinicBot.Staff.Retention;
using ClinicBot.Staff.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff;

/// <summary>Registers the escalation queue, SLAs, staff accounts and notifications. Storage must register the stores.</summary>
public static class StaffServiceCollectionExtensions
{
    /// <summary>Binds <c>Staff:*</c> and <c>Clinic:OfficeHours</c>; escalations raised by the pipeline go through <see cref="EscalationIntake"/>.</summary>
    public static IServiceCollection AddStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OfficeHoursOptions>().Bind(configuration.GetSection(OfficeHoursOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StaffAccountOptions>().Bind(configuration.GetSection(StaffAccountOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new BusinessCalendar(sp.GetRequiredService<IOptions<OfficeHoursOptions>>().Value));
        services.AddSingleton<IStaffAvailability>(sp => new OfficeHoursAvailability(
            sp.GetRequiredService<BusinessCalendar>(), sp.GetRequiredService<IOptions<OfficeHoursOptions>>().Value));
        services.AddSingleton(sp => new SlaPolicy(sp.GetRequiredService<IOptions<SlaOptions>>().Value, sp.GetRequiredService<BusinessCalendar>()));
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<QueueEvents>();
        services.AddSingleton<StaffNotices>();
        services.AddHttpClient<WebhookSender>()
            .AddHttpResilience(sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Resilience());
        services.AddSingleton<EscalationIntake>();
        services.Replace(ServiceDescriptor.Singleton<IEscalationSink>(sp => sp.GetRequiredService<EscalationIntake>()));
        services.AddSingleton<EscalationQueue>();
        services.AddSingleton<StaffAccountService>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<StaffSignInService>();
        services.AddSingleton<StaffSessions>();
        services.AddSingleton<DataPurge>();
        return services;
    }

    /// <summary>Runs the notification dispatcher in the background (the web host does; the CLI does not).</summary>
    public static IServiceCollection AddStaffNotificationDispatcher(this IServiceCollection services)
    {
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return services;
    }

    /// <summary>Runs the retention job (<see cref="RetentionJob"/>) in the background (the web host does; the CLI purges on demand).</summary>
    public static IServiceCollection AddRetentionJob(this IServiceCollection services)
    {
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}

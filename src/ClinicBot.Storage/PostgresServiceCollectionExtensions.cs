using ClinicBot.Channels.BotFramework.Delivery;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Channels.Inbox;
using ClinicBot.Channels.Sms;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.Privacy;
using ClinicBot.Conversations.State;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Console;
using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Queue;
using ClinicBot.Staff.Retention;
using ClinicBot.Storage.Postgres;
using ClinicBot.Storage.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClinicBot.Storage;

/// <summary>
/// Registers PostgreSQL storage: one database (<c>ConnectionStrings:ClinicBot</c>) shared by every host for
/// conversations, escalations, staff and the channels' state, and carrying live queue events and Direct Line's new
/// activities between them (NOTIFY). The
/// knowledge index and the escalation spool stay per host, in the folder of <c>Storage:SqlitePath</c>.
/// </summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>Registers the PostgreSQL implementations of the storage ports and its readiness check.</summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostLocalStorage(configuration);
        services.PostConfigure<PrivacyOptions>(o => o.SharedDatabase = true);
        services.AddOptions<PostgresOptions>()
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(PostgresOptions.ConnectionStringName) ?? "")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), PostgresOptions.Missing)
            .ValidateOnStart();
        services.AddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString));
        services.AddSingleton<IStorageDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
        services.AddSingleton<IConversationStore, PostgresConversationStore>();
        services.AddSingleton<IPatientOutbox, PostgresPatientOutbox>();
        services.AddSingleton<PostgresEscalationStore>();
        services.AddSingleton<IEscalationStore>(sp => sp.GetRequiredService<PostgresEscalationStore>());
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<PostgresEscalationStore>());
        services.AddSingleton<IStaffAccountStore, PostgresStaffAccountStore>();
        services.AddSingleton<ISignInFailureStore, PostgresSignInFailureStore>();
        services.AddSingleton<IAuditLog, PostgresAuditLog>();
        services.AddSingleton<IRetentionStore, PostgresRetentionStore>();
        services.AddSingleton<IPatientEraser, PostgresPatientEraser>();
        services.AddSingleton(sp => new PatientTextRotation(
            async cancellationToken => await sp.GetRequiredService<PostgresDatabase>().OpenAsync(cancellationToken),
            sp.GetRequiredService<PatientTextCipher>(),
            compact: null));
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("database", tags: [StorageReadiness.Tag]);
        // Live queue events across instances: NOTIFY out, LISTEN in (run where hosted services run: the web host).
        services.AddSingleton<PostgresQueueEventRelay>();
        services.AddSingleton<IQueueEventRelay>(sp => sp.GetRequiredService<PostgresQueueEventRelay>());
        services.AddSingleton<PostgresQueueEventListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresQueueEventListener>());
        return services;
    }

    /// <summary>
    /// Registers the PostgreSQL implementations of the channels' ports (SMS subscribers and inbox, the Bot Framework
    /// activity ledger, inbox and conversation references, Direct Line's conversations and the announcements that wake
    /// open streams on the other instances), after
    /// <see cref="AddPostgresStorage"/>. The activity inbox needs ASP.NET Core Data Protection.
    /// </summary>
    public static IServiceCollection AddPostgresChannelStorage(this IServiceCollection services)
    {
        // The inboxes claim under the host's one lease (a GUID made at start-up; Inbox:LeaseSeconds).
        InboxLease.Register(services);
        services.AddSingleton<PostgresSmsStore>();
        services.AddSingleton<ISmsSubscriberStore>(sp => sp.GetRequiredService<PostgresSmsStore>());
        services.AddSingleton<ISmsInboxStore>(sp => sp.GetRequiredService<PostgresSmsStore>());
        services.AddSingleton<IActivityLedger, PostgresActivityLedger>();
        services.AddSingleton<IActivityInbox, PostgresActivityInbox>();
        services.AddSingleton<IConversationReferenceStore, PostgresConversationReferenceStore>();
        services.AddSingleton<IDirectLineStore, PostgresDirectLineStore>();
        // Direct Line's open streams across instances: NOTIFY when a conversation has new activities, LISTEN for the others'.
        services.AddSingleton<PostgresDirectLineRelay>();
        services.AddSingleton<IDirectLineRelay>(sp => sp.GetRequiredService<PostgresDirectLineRelay>());
        services.AddSingleton<PostgresDirectLineListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresDirectLineListener>());
        return services;
    }
}

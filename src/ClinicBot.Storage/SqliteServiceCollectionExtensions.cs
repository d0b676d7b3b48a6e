using ClinicBot.Channels.BotFramework.Delivery;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Channels.Inbox;
using ClinicBot.Channels.Sms;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Queue;
using ClinicBot.Staff.Retention;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.Escalations;
using ClinicBot.Conversations.Privacy;
using ClinicBot.Conversations.State;
using ClinicBot.Knowledge.Search;
using ClinicBot.Prompts;
using ClinicBot.Storage.Privacy;
using ClinicBot.Storage.Spool;
using ClinicBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClinicBot.Storage;

/// <summary>Registers the embedded SQLite storage (one database file: search index, conversations, escalations, staff); the entry point chooses it.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>Binds <c>Storage</c> and registers the SQLite implementations of the storage ports.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostLocalStorage(configuration);
        services.AddSingleton<IStorageDatabase>(sp => sp.GetRequiredService<SqliteConnectionFactory>());
        services.AddSingleton<IConversationStore, SqliteConversationStore>();
        services.AddSingleton<IPatientOutbox, SqlitePatientOutbox>();
        services.AddSingleton<SqliteEscalationStore>();
        services.AddSingleton<IEscalationStore>(sp => sp.GetRequiredService<SqliteEscalationStore>());
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<SqliteEscalationStore>());
        services.AddSingleton<IStaffAccountStore, SqliteStaffAccountStore>();
        services.AddSingleton<ISignInFailureStore, SqliteSignInFailureStore>();
        services.AddSingleton<IAuditLog, SqliteAuditLog>();
        services.AddSingleton<IRetentionStore, SqliteRetentionStore>();
        services.AddSingleton<IPatientEraser, SqlitePatientEraser>();
        services.AddSingleton(sp => new PatientTextRotation(
            _ => Task.FromResult<System.Data.Common.DbConnection>(sp.GetRequiredService<SqliteConnectionFactory>().Open()),
            sp.GetRequiredService<PatientTextCipher>(),
            "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);"));
        services.AddHealthChecks().AddCheck<SqliteHealthCheck>("database", tags: [StorageReadiness.Tag]);
        return services;
    }

    /// <summary>
    /// What each host keeps in its own folder whichever the provider: the SQLite file at <c>Storage:SqlitePath</c> with the
    /// knowledge index (with PostgreSQL only the index is used there: each host builds it from the articles at start-up),
    /// and the escalation spool beside it.
    /// </summary>
    internal static IServiceCollection AddHostLocalStorage(this IServiceCollection services, IConfiguration configuration)
    {
        // One database whatever the entry point and working directory: a relative path is taken beside the content.
        services.AddOptions<SqliteOptions>().Bind(configuration.GetSection(SqliteOptions.Section))
            .PostConfigure(o => o.SqlitePath = ContentPaths.ResolveData(o.SqlitePath));
        services.AddSingleton(sp => new SqliteConnectionFactory(sp.GetRequiredService<IOptions<SqliteOptions>>().Value.SqlitePath));
        services.AddSingleton<IPassageIndex, SqlitePassageIndex>();
        services.AddPatientTextCipher(configuration);
        // Escalations wait in a file beside the database while the database cannot take them.
        // (From the configured path, not the connection factory: the spool must not need the database to open.)
        services.AddSingleton<IEscalationSpool>(sp => new FileEscalationSpool(System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(sp.GetRequiredService<IOptions<SqliteOptions>>().Value.SqlitePath))!,
            FileEscalationSpool.FileName), sp.GetRequiredService<PatientTextCipher>()));
        return services;
    }

    /// <summary>
    /// Registers the SQLite implementations of the channels' ports (the SMS subscribers and inbox, the Bot Framework
    /// activity ledger, inbox and conversation references, Direct Line's conversations): what the web host adds after
    /// <see cref="AddSqliteStorage"/>, before the channels register their in-memory defaults. The activity inbox needs
    /// ASP.NET Core Data Protection.
    /// </summary>
    public static IServiceCollection AddSqliteChannelStorage(this IServiceCollection services)
    {
        // The inboxes claim under the host's one lease (Inbox:LeaseSeconds). A SQLite file has one host, so its owner is
        // the same across restarts: a restarted host runs at once what its previous life left unfinished.
        InboxLease.Register(services, defaultOwner: "sqlite-host");
        services.AddSingleton<SqliteSmsStore>();
        services.AddSingleton<ISmsSubscriberStore>(sp => sp.GetRequiredService<SqliteSmsStore>());
        services.AddSingleton<ISmsInboxStore>(sp => sp.GetRequiredService<SqliteSmsStore>());
        services.AddSingleton<IActivityLedger, SqliteActivityLedger>();
        services.AddSingleton<IActivityInbox, SqliteActivityInbox>();
        services.AddSingleton<IConversationReferenceStore, SqliteConversationReferenceStore>();
        services.AddSingleton<IDirectLineStore, SqliteDirectLineStore>();
        return services;
    }
}

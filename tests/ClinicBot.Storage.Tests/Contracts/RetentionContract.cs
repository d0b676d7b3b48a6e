using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Delivery;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Channels.Sms;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Queue;
using ClinicBot.Staff.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>
/// What retention does on every provider: with <c>RetentionDays</c> 30 and <c>EscalatedRetentionDays</c> 365, a purge deletes
/// exactly the rows of every table tied to the conversations whose last activity is older than their limit, none of one
/// whose escalation is still open, keeps SMS opt-outs and the audit log, and records its counts; a dry run counts the same
/// and deletes nothing. Each test works on a database of its own, seeded through the stores.
/// </summary>
public abstract class RetentionContract(StorageBackend backend) : StorageContract(backend)
{
    // Tables that hold no patient data, which a purge leaves as they are (the audit log gains the purge's entry).
    private static readonly string[] KeptTables = ["audit_log", "health_probe", "index_meta", "schema_version", "sentence_vector", "sign_in_failures", "staff_accounts"];

    private readonly FakeTimeProvider _clock = new(At);
    private ServiceProvider? _database;

    // The conversations seeded by Seed, and those the purge must delete.
    private readonly List<string> _seeded = [];

    private static readonly string[] Purged = ["directline:stale", "msteams:stale", "directline:esc-old", Sms("stale"), Sms("opted-out")];

    private ServiceProvider Database => _database ??= NewHost(Backend.NewDatabase(), s => s.AddSingleton<TimeProvider>(_clock));

    [Fact]
    public async Task Purge_SeededConversations_DeletesExactlyTheExpiredRowsOfEveryTable()
    {
        await SeedAsync();
        var before = new DatabaseRows(Database).Counts();

        var purged = await Purge(batchSize: 2).RunAsync(default);

        Assert.Equal(ExpectedCounts(), purged.Kinds);
        var kept = _seeded.Except(Purged).Order(StringComparer.Ordinal).ToList();
        var keptWithChannelRows = kept.Where(id => !id.StartsWith("sms:", StringComparison.Ordinal)).ToList();
        var rows = new DatabaseRows(Database);
        Assert.Equal(kept, rows.Distinct("conversations", "id"));
        Assert.Equal(kept, rows.Distinct("transcript_entries", "conversation_id"));
        Assert.Equal(kept, rows.Distinct("patient_outbox", "conversation_id"));
        Assert.Equal(["echo", "fresh", "revived"], rows.Distinct("directline_conversations", "id"));
        Assert.Equal(["echo", "fresh", "revived"], rows.Distinct("directline_activities", "conversation_id"));
        Assert.Equal(keptWithChannelRows, rows.Distinct("bot_conversation_references", "conversation_key"));
        Assert.Equal(Hashes(keptWithChannelRows), rows.Distinct("bot_activity_ledger", "conversation_hash"));
        Assert.Equal(Hashes(keptWithChannelRows), rows.Distinct("bot_inbox", "conversation_hash"));
        Assert.Equal(["msteams:esc-claimed", "msteams:esc-open", "msteams:esc-recent", "msteams:esc-resolved-lately"], rows.Distinct("escalations", "conversation_id"));
        Assert.Equal(["n-esc-claimed", "n-esc-open", "n-esc-recent", "n-esc-resolved-lately"], rows.Distinct("notification_outbox", "id"));
        Assert.Equal(new[] { Phone("fresh"), Phone("texting") }.Order(StringComparer.Ordinal), rows.Distinct("sms_inbound", "phone_hash"));
        // The opted-out number keeps its subscriber row (the opt-out is a legal record); its messages go.
        Assert.Equal(new[] { Phone("fresh"), Phone("opted-out"), Phone("texting") }.Order(StringComparer.Ordinal), rows.Distinct("sms_subscribers", "phone_hash"));
        Assert.Equal(["1"], rows.Strings($"SELECT CASE WHEN opted_out THEN 1 ELSE 0 END FROM sms_subscribers WHERE phone_hash = '{Phone("opted-out")}'"));

        // Nothing else: the tables without patient data are as they were, but for the purge's one audit entry (counts only).
        var after = rows.Counts();
        foreach (var table in after.Keys.Where(IsKept)) Assert.Equal(before[table] + (table == "audit_log" ? 1 : 0), after[table]);
        var audit = await Database.GetRequiredService<IAuditLog>().ForEscalationAsync("esc-old", default);
        Assert.Equal("viewed", Assert.Single(audit).Action);
        Assert.Equal([$"{DataPurge.Action} {purged}"], rows.Strings($"SELECT action FROM audit_log WHERE actor = '{DataPurge.Actor}'"));
    }

    [Fact]
    public async Task DryRun_SeededConversations_CountsWhatThePurgeDeletesAndDeletesNothing()
    {
        await SeedAsync();
        var rows = new DatabaseRows(Database);
        var before = rows.Counts();

        var preview = await Purge(batchSize: 2).PreviewAsync(default);

        Assert.Equal(ExpectedCounts(), preview.Kinds);
        Assert.Equal(before, rows.Counts());
    }

    [Fact]
    public async Task Purge_Twice_TheSecondFindsNothingAndAuditsNothing()
    {
        await SeedAsync();
        await Purge(batchSize: 100).RunAsync(default);
        var rows = new DatabaseRows(Database);
        var before = rows.Counts();

        var second = await Purge(batchSize: 100).RunAsync(default);

        Assert.Equal(0, second.Total);
        Assert.Equal(before, rows.Counts());
    }

    [Fact]
    public async Task Purge_AsTheClockMoves_TakesEachConversationWhenItsLastActivityPassesItsLimit()
    {
        await ConversationAsync("msteams:plain", lastDaysAgo: 0);
        await ConversationAsync("msteams:escalated", lastDaysAgo: 0);
        await EscalationAsync("escalated", createdDaysAgo: 0, EscalationStatus.Resolved);
        var rows = new DatabaseRows(Database);

        _clock.Advance(TimeSpan.FromDays(29.9));
        await Purge(batchSize: 10).RunAsync(default);
        Assert.Equal(["msteams:escalated", "msteams:plain"], rows.Distinct("conversations", "id"));

        _clock.Advance(TimeSpan.FromDays(0.2));
        await Purge(batchSize: 10).RunAsync(default);
        Assert.Equal(["msteams:escalated"], rows.Distinct("conversations", "id"));

        _clock.Advance(TimeSpan.FromDays(335));
        await Purge(batchSize: 10).RunAsync(default);
        Assert.Empty(rows.Distinct("conversations", "id"));
        Assert.Empty(rows.Distinct("escalations", "id"));
    }

    [Fact]
    public async Task Purge_LedgerAndInboxRowsNamingNoConversation_GoOnceOlderThanTheEscalatedLimit()
    {
        // As rows written before the retention migration (SQLite 4, PostgreSQL 3) are: no conversation_hash.
        var rows = new DatabaseRows(Database);
        foreach (var (key, days) in new[] { ("unowned-old", 366.0), ("unowned-recent", 364.0) })
        {
            var at = DaysAgo(days).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            rows.Execute($"INSERT INTO bot_activity_ledger (key_hash, claimed_at) VALUES ('{key}', '{at}')");
            rows.Execute($"INSERT INTO bot_inbox (key_hash, scope, claimed_at, finished_at) VALUES ('{key}', 'botframework', '{at}', '{at}')");
        }

        var purged = await Purge(batchSize: 10).RunAsync(default);

        Assert.Equal((1L, 1L, 0L), (purged["bot_activity_ledger"], purged["bot_inbox"], purged[PurgeCounts.Conversations]));
        Assert.Equal(["unowned-recent"], rows.Distinct("bot_activity_ledger", "key_hash"));
        Assert.Equal(["unowned-recent"], rows.Distinct("bot_inbox", "key_hash"));
    }

    [Fact]
    public void Tables_EveryOne_IsPurgedByConversationOrHoldsNoPatientData()
    {
        var kinds = PurgeKinds();

        Assert.All(new DatabaseRows(Database).Tables(), table => Assert.True(kinds.Contains(table) || IsKept(table), $"{table} is neither purged nor known to hold no patient data"));
        Assert.All(kinds.Where(k => k != PurgeCounts.Conversations), kind => Assert.Contains(kind, new DatabaseRows(Database).Tables()));
    }

    private static bool IsKept(string table) => KeptTables.Contains(table) || table.StartsWith("passage_fts", StringComparison.Ordinal);

    private HashSet<string> PurgeKinds() => [.. Purge(batchSize: 1).PreviewAsync(default).GetAwaiter().GetResult().Kinds.Select(k => k.Key)];

    private DataPurge Purge(int batchSize) => new(
        Database.GetRequiredService<IRetentionStore>(),
        Database.GetRequiredService<IAuditLog>(),
        Options.Create(new RetentionOptions { RetentionDays = 30, EscalatedRetentionDays = 365, PurgeBatchSize = batchSize }),
        _clock);

    private static List<KeyValuePair<string, long>> ExpectedCounts() =>
    [
        new("transcript_entries", 10),
        new("directline_activities", 2),
        new("directline_conversations", 2),
        new("bot_conversation_references", 3),
        new("bot_activity_ledger", 3),
        new("bot_inbox", 3),
        new("patient_outbox", 5),
        new("notification_outbox", 1),
        new("escalations", 1),
        new("sms_inbound", 2),
        new("sms_subscribers", 1),
        new(PurgeCounts.Conversations, 5),
    ];

    // Purged: directline:stale, msteams:stale, directline:esc-old, the stale and opted-out SMS conversations. Kept: the rest.
    private async Task SeedAsync()
    {
        await WebAsync("fresh", lastDaysAgo: 1);
        await WebAsync("stale", lastDaysAgo: 31);
        await WebAsync("revived", lastDaysAgo: 10, startedDaysAgo: 90);
        // Its transcript is old, but Web Chat recorded the visitor's new activity yesterday (its turn not yet written).
        await WebAsync("echo", lastDaysAgo: 60);
        await Database.GetRequiredService<IDirectLineStore>().AppendAsync("echo", "echo|new", "message", """{"text":"still there?"}""", DaysAgo(1), default);

        await ConversationAsync("msteams:stale", lastDaysAgo: 45);
        await ConversationAsync("msteams:fresh", lastDaysAgo: 2);

        await ConversationAsync("msteams:esc-recent", lastDaysAgo: 100);
        await EscalationAsync("esc-recent", createdDaysAgo: 100, EscalationStatus.Resolved);
        await WebAsync("esc-old", lastDaysAgo: 400);
        await EscalationAsync("esc-old", createdDaysAgo: 400, EscalationStatus.Resolved, conversation: "directline:esc-old");
        await ConversationAsync("msteams:esc-open", lastDaysAgo: 500);
        await EscalationAsync("esc-open", createdDaysAgo: 500, EscalationStatus.Open);
        await ConversationAsync("msteams:esc-claimed", lastDaysAgo: 500);
        await EscalationAsync("esc-claimed", createdDaysAgo: 500, EscalationStatus.Claimed);
        // Raised long ago but resolved lately: the resolution is its last activity.
        await ConversationAsync("msteams:esc-resolved-lately", lastDaysAgo: 400);
        await EscalationAsync("esc-resolved-lately", createdDaysAgo: 400, EscalationStatus.Resolved, resolvedDaysAgo: 20);

        await SmsAsync("stale", lastDaysAgo: 31);
        await SmsAsync("opted-out", lastDaysAgo: 31, optedOut: true);
        await SmsAsync("fresh", lastDaysAgo: 3);
        // Its transcript is old, but a text came in an hour ago (its turn still running).
        await SmsAsync("texting", lastDaysAgo: 40, textedDaysAgo: 0.04);
    }

    private DateTimeOffset DaysAgo(double days) => _clock.GetUtcNow().AddDays(-days);

    private async Task WebAsync(string id, double lastDaysAgo, double? startedDaysAgo = null)
    {
        var store = Database.GetRequiredService<IDirectLineStore>();
        var started = DaysAgo(startedDaysAgo ?? lastDaysAgo);
        await store.TryCreateConversationAsync(new DirectLineConversation(id, "dl_" + id, "en", started), default);
        await store.AppendAsync(id, id + "|0001", "message", """{"text":"my name is Ana Ruiz"}""", started, default);
        await ConversationAsync("directline:" + id, lastDaysAgo, startedDaysAgo);
    }

    // A conversation's transcript (the patient at its start, the bot at its last activity) and patient outbox row, and
    // for the Bot Framework channels (Direct Line's included) its reference and ledger and inbox rows.
    private async Task ConversationAsync(string id, double lastDaysAgo, double? startedDaysAgo = null, Channel channel = Channel.Web)
    {
        _seeded.Add(id);
        var conversations = Database.GetRequiredService<IConversationStore>();
        await conversations.AppendAsync(id, channel, new TranscriptEntry("user", "my date of birth is 1980-02-03", null, [], DaysAgo(startedDaysAgo ?? lastDaysAgo)), default);
        await conversations.AppendAsync(id, channel, new TranscriptEntry("bot", "Thanks.", "answer", [], DaysAgo(lastDaysAgo)), default);
        await Database.GetRequiredService<IPatientOutbox>().EnqueueAsync(new PendingDelivery("out-" + id, id, "A nurse replied.", 0, DaysAgo(lastDaysAgo)), default);
        if (channel == Channel.Sms) return;

        await Database.GetRequiredService<IConversationReferenceStore>().SaveAsync(
            id, new Activity { Type = ActivityTypes.Message, ServiceUrl = "https://smba.example/", Conversation = new ConversationAccount(id) }, default);
        await Database.GetRequiredService<IActivityLedger>().TryClaimAsync(id, $"welcome:{id}:user", default);
        var inbox = Database.GetRequiredService<IActivityInbox>();
        await inbox.ClaimAsync(id, $"activity:{id}:1", "botframework", """{"type":"message","text":"my name is Ana Ruiz"}""", default);
        await inbox.FinishAsync($"activity:{id}:1", default);
    }

    private async Task EscalationAsync(string id, double createdDaysAgo, string status, double? resolvedDaysAgo = null, string? conversation = null)
    {
        var store = Database.GetRequiredService<IEscalationStore>();
        var created = DaysAgo(createdDaysAgo);
        await store.InsertAsync(
            new EscalationRecord(id, conversation ?? "msteams:" + id, "web", "P-1234", "normal", "question", ["unanswered"], EscalationStatus.Open, null, created, created.AddHours(4), null),
            new OutboxMessage("n-" + id, id, "An escalation is waiting.", created, 0, created),
            default);
        await Database.GetRequiredService<IAuditLog>().RecordAsync(new AuditEntry("nurse@clinic.example", "viewed", id, created), default);
        if (status == EscalationStatus.Open) return;
        await store.TransitionAsync(id, EscalationStatus.Open, EscalationStatus.Claimed, "nurse@clinic.example", created, default);
        if (status == EscalationStatus.Resolved)
        {
            await store.TransitionAsync(id, EscalationStatus.Claimed, EscalationStatus.Resolved, null, DaysAgo(resolvedDaysAgo ?? createdDaysAgo), default);
        }
    }

    private async Task SmsAsync(string name, double lastDaysAgo, bool optedOut = false, double? textedDaysAgo = null)
    {
        var hash = Phone(name);
        var subscribers = Database.GetRequiredService<ISmsSubscriberStore>();
        await subscribers.EnsureAsync(hash, Sms(name), () => "phone-encrypted", "(•••) •••-0199", DaysAgo(lastDaysAgo), default);
        if (optedOut) await subscribers.SetOptedOutAsync(hash, true, DaysAgo(lastDaysAgo), default);
        var inbox = Database.GetRequiredService<ISmsInboxStore>();
        await inbox.ClaimMessageAsync("SM" + name, hash, "from-encrypted", "body-encrypted", DaysAgo(textedDaysAgo ?? lastDaysAgo), default);
        await inbox.FinishMessageAsync("SM" + name, DaysAgo(textedDaysAgo ?? lastDaysAgo), default);
        await ConversationAsync(Sms(name), lastDaysAgo, channel: Channel.Sms);
    }

    private static string Phone(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private static string Sms(string name) => "sms:" + Phone(name)[..32];

    private static List<string> Hashes(IEnumerable<string> ids) =>
        [.. ids.Select(id => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)))).Order(StringComparer.Ordinal)];
}

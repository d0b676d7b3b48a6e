using System.Security.Cryptography;
using System.Text;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Delivery;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Channels.Sms;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.Privacy;
using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Queue;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>
/// "Forget me" on every provider: the patient's rows go from every table (Web Chat: the Direct Line conversation; SMS:
/// every conversation of the number), another patient's stay, an SMS opt-out stays, an escalation still open stays with
/// the patient's name redacted, and one audit entry records the channel and counts without text or number.
/// </summary>
public abstract class PatientErasureContract(StorageBackend backend) : StorageContract(backend)
{
    private const string Name = "Ana Ruiz";

    private static readonly DateTimeOffset Then = At.AddDays(-2);

    private ServiceProvider? _database;

    private ServiceProvider Database => _database ??= NewHost();

    [Fact]
    public async Task Erase_WebChatPatient_DeletesTheirRowsOfEveryTableAndNoOneElses()
    {
        var (patient, other) = (NewId("dl"), NewId("dl"));
        await WebAsync(patient);
        await WebAsync(other);
        await EscalationAsync(NewId("esc-open"), "directline:" + patient, EscalationStatus.Open);
        var resolved = NewId("esc-resolved");
        await EscalationAsync(resolved, "directline:" + patient, EscalationStatus.Resolved);
        await EscalationAsync(NewId("esc-other"), "directline:" + other, EscalationStatus.Resolved);
        var otherBefore = RowsOf("directline:" + other);
        var actor = NewId("nurse") + "@clinic.example";

        var receipt = await Erase("directline:" + patient, "web", actor);

        Assert.Equal((1, 1, false), (receipt.Conversations, receipt.EscalationsKept, receipt.OptOutKept));
        // Only the open escalation, its notification and the conversation's row (no text) are left.
        var left = RowsOf("directline:" + patient);
        Assert.Equal(3L, left.Values.Sum());
        Assert.Equal((1L, 1L, 1L), (left["escalations"], left["notification_outbox"], left["conversations"]));
        Assert.Equal(otherBefore, RowsOf("directline:" + other));
        Assert.Empty(await Database.GetRequiredService<IConversationStore>().TranscriptAsync("directline:" + patient, default));
        Assert.Empty(await Database.GetRequiredService<IDirectLineStore>().ListAsync(patient, 0, 100, default));
        Assert.Null(await Database.GetRequiredService<IEscalationStore>().GetAsync(resolved, default));
        // 2 transcript entries, an activity, a reference, a ledger and an inbox row, a patient outbox row, the resolved
        // escalation and its notification.
        Assert.Equal(9L, receipt.Rows);
        await AssertAuditAsync(actor, "patient_erased channel=web conversations=1 rows=9 escalations_kept=1 opt_out_kept=no");
    }

    [Fact]
    public async Task Erase_OpenEscalation_StaysWithThePatientNameRedacted()
    {
        var patient = NewId("dl");
        await WebAsync(patient);
        var open = NewId("esc-open");
        await EscalationAsync(open, "directline:" + patient, EscalationStatus.Claimed);

        await Erase("directline:" + patient, "web", "patient");

        var kept = await Database.GetRequiredService<IEscalationStore>().GetAsync(open, default);
        Assert.NotNull(kept);
        Assert.Equal(EscalationStatus.Claimed, kept.Status);
        Assert.Equal(PatientDisplayId.For("web", "directline:" + patient), kept.PatientDisplayId);
        var notification = Assert.Single(await Database.GetRequiredService<IOutboxStore>().DueAsync(At.AddDays(1), 1000, default), n => n.EscalationId == open);
        Assert.DoesNotContain(Name, notification.Body, StringComparison.Ordinal);
        Assert.Contains("asked to be forgotten", notification.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_OpenEscalationResolvedLater_RetentionTakesWhatWasKept()
    {
        _database = NewHost(Backend.NewDatabase());
        var patient = "directline:" + NewId("dl");
        await WebAsync(patient[11..]);
        var open = NewId("esc-open");
        await EscalationAsync(open, patient, EscalationStatus.Open);
        await Erase(patient, "web", "patient");
        Assert.Equal((1L, 1L), (RowsOf(patient)["conversations"], RowsOf(patient)["escalations"]));
        var store = Database.GetRequiredService<IEscalationStore>();
        await store.TransitionAsync(open, EscalationStatus.Open, EscalationStatus.Claimed, "nurse@clinic.example", Then, default);
        await store.TransitionAsync(open, EscalationStatus.Claimed, EscalationStatus.Resolved, null, Then, default);

        await new DataPurge(
            Database.GetRequiredService<IRetentionStore>(),
            Database.GetRequiredService<IAuditLog>(),
            Options.Create(new RetentionOptions { RetentionDays = 30, EscalatedRetentionDays = 365, PurgeBatchSize = 10 }),
            new FakeTimeProvider(At.AddDays(400))).RunAsync(default);

        Assert.Equal(0L, RowsOf(patient).Values.Sum());
    }

    [Fact]
    public async Task Erase_WebChat_TheDirectLineRowStaysForTheConfirmationUntilRetentionTakesIt()
    {
        _database = NewHost(Backend.NewDatabase());
        var (patient, visitorOnly) = (NewId("dl"), NewId("dl"));
        await WebAsync(patient);
        await Erase("directline:" + patient, "web", "patient");
        var directLine = Database.GetRequiredService<IDirectLineStore>();
        // The confirmation, stored after the erasure; and a chat opened recently and never written in.
        await directLine.AppendAsync(patient, patient + "|0002.reply", "message", """{"text":"Done: I've erased your messages."}""", At, default);
        await directLine.TryCreateConversationAsync(new DirectLineConversation(visitorOnly, "dl_" + visitorOnly, "en", At), default);
        Assert.NotNull(await directLine.FindConversationAsync(patient, default));

        await new DataPurge(
            Database.GetRequiredService<IRetentionStore>(),
            Database.GetRequiredService<IAuditLog>(),
            Options.Create(new RetentionOptions { RetentionDays = 30, EscalatedRetentionDays = 365, PurgeBatchSize = 10 }),
            new FakeTimeProvider(Then.AddDays(366))).RunAsync(default);

        Assert.Null(await directLine.FindConversationAsync(patient, default));
        Assert.Empty(await directLine.ListAsync(patient, 0, 100, default));
        Assert.NotNull(await directLine.FindConversationAsync(visitorOnly, default));
    }

    [Fact]
    public async Task Erase_SmsPatient_DeletesEveryConversationOfTheNumberAndKeepsTheOptOut()
    {
        var (phone, otherPhone) = (Hash(NewId("+1555")), Hash(NewId("+1555")));
        var (current, earlier, other) = ("sms:" + phone[..32], "sms:" + NewId("earlier"), "sms:" + otherPhone[..32]);
        await SmsAsync(phone, current, optedOut: true);
        await ConversationAsync(earlier, Channel.Sms);
        await Database.GetRequiredService<IConversationStore>().SetAddressAsync(earlier, Channel.Sms, new ChannelAddress("sms", phone), Then, default);
        await SmsAsync(otherPhone, other, optedOut: false);
        var otherBefore = RowsOf(other);
        var rows = new DatabaseRows(Database);

        var receipt = await Erase(current, "sms", "patient");

        Assert.Equal((2, 0, true), (receipt.Conversations, receipt.EscalationsKept, receipt.OptOutKept));
        Assert.Equal(0, RowsOf(current).Values.Sum());
        Assert.Equal(0, RowsOf(earlier).Values.Sum());
        Assert.Equal(otherBefore, RowsOf(other));
        Assert.Empty(rows.Strings($"SELECT message_sid FROM sms_inbound WHERE phone_hash = '{phone}'"));
        Assert.Single(rows.Strings($"SELECT message_sid FROM sms_inbound WHERE phone_hash = '{otherPhone}'"));
        // The opt-out is a legal record: the number's subscriber row stays, opted out.
        Assert.Equal(["1"], rows.Strings($"SELECT CASE WHEN opted_out THEN 1 ELSE 0 END FROM sms_subscribers WHERE phone_hash = '{phone}'"));
        Assert.Equal(["0"], rows.Strings($"SELECT CASE WHEN opted_out THEN 1 ELSE 0 END FROM sms_subscribers WHERE phone_hash = '{otherPhone}'"));
    }

    [Fact]
    public async Task Erase_SmsPatientNotOptedOut_DeletesTheSubscriberRowWithTheNumber()
    {
        var phone = Hash(NewId("+1555"));
        var conversation = "sms:" + phone[..32];
        await SmsAsync(phone, conversation, optedOut: false);

        var receipt = await Erase(conversation, "sms", "patient");

        Assert.False(receipt.OptOutKept);
        Assert.Empty(new DatabaseRows(Database).Strings($"SELECT phone_hash FROM sms_subscribers WHERE phone_hash = '{phone}'"));
    }

    [Fact]
    public async Task Erase_Twice_TheSecondFindsNothingButIsAudited()
    {
        var patient = NewId("dl");
        await WebAsync(patient);
        await Erase("directline:" + patient, "web", "patient");

        var second = await Erase("directline:" + patient, "web", "patient");

        Assert.Equal((0, 0L), (second.Conversations, second.Rows));
    }

    private Task<ErasureReceipt> Erase(string conversation, string channel, string actor) =>
        Database.GetRequiredService<IPatientEraser>().EraseAsync(new ErasureRequest(conversation, channel, actor, At), default);

    private async Task AssertAuditAsync(string actor, string action)
    {
        var rows = new DatabaseRows(Database);
        Assert.Equal([action], rows.Strings($"SELECT action FROM audit_log WHERE actor = '{actor}'"));
        Assert.DoesNotContain(Name, action, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    // The rows each table holds for a conversation, by what ties them to it.
    private Dictionary<string, long> RowsOf(string conversation)
    {
        var rows = new DatabaseRows(Database);
        var hash = ActivityKey.Hash(conversation);
        var directLine = conversation.StartsWith("directline:", StringComparison.Ordinal) ? conversation[11..] : "-";
        long Count(string sql) => long.Parse(rows.Strings(sql).Single(), System.Globalization.CultureInfo.InvariantCulture);
        return new Dictionary<string, long>
        {
            ["conversations"] = Count($"SELECT count(*) FROM conversations WHERE id = '{conversation}'"),
            ["transcript_entries"] = Count($"SELECT count(*) FROM transcript_entries WHERE conversation_id = '{conversation}'"),
            ["directline_activities"] = Count($"SELECT count(*) FROM directline_activities WHERE conversation_id = '{directLine}'"),
            ["bot_conversation_references"] = Count($"SELECT count(*) FROM bot_conversation_references WHERE conversation_key = '{conversation}'"),
            ["bot_activity_ledger"] = Count($"SELECT count(*) FROM bot_activity_ledger WHERE conversation_hash = '{hash}'"),
            ["bot_inbox"] = Count($"SELECT count(*) FROM bot_inbox WHERE conversation_hash = '{hash}'"),
            ["patient_outbox"] = Count($"SELECT count(*) FROM patient_outbox WHERE conversation_id = '{conversation}'"),
            ["escalations"] = Count($"SELECT count(*) FROM escalations WHERE conversation_id = '{conversation}'"),
            ["notification_outbox"] = Count($"SELECT count(*) FROM notification_outbox n JOIN escalations e ON e.id = n.escalation_id WHERE e.conversation_id = '{conversation}'"),
            ["sms_subscribers"] = Count($"SELECT count(*) FROM sms_subscribers WHERE conversation_id = '{conversation}' AND NOT opted_out"),
        };
    }

    private async Task WebAsync(string id)
    {
        var store = Database.GetRequiredService<IDirectLineStore>();
        await store.TryCreateConversationAsync(new DirectLineConversation(id, "dl_" + id, "en", Then), default);
        await store.AppendAsync(id, id + "|0001", "message", System.Text.Json.JsonSerializer.Serialize(new { text = "my name is " + Name, from = new { id = "dl_" + id, name = Name } }), Then, default);
        await ConversationAsync("directline:" + id, Channel.Web);
        await Database.GetRequiredService<IConversationReferenceStore>().SaveAsync(
            "directline:" + id, new Activity { Type = ActivityTypes.Message, ServiceUrl = "https://directline.example/", Conversation = new ConversationAccount("directline:" + id) }, default);
        await Database.GetRequiredService<IActivityLedger>().TryClaimAsync("directline:" + id, $"welcome:{id}:user", default);
        var inbox = Database.GetRequiredService<IActivityInbox>();
        await inbox.ClaimAsync("directline:" + id, $"activity:{id}:1", "botframework", $$"""{"type":"message","text":"my name is {{Name}}"}""", default);
        await inbox.FinishAsync($"activity:{id}:1", default);
    }

    private async Task ConversationAsync(string id, Channel channel)
    {
        var conversations = Database.GetRequiredService<IConversationStore>();
        await conversations.AppendAsync(id, channel, new TranscriptEntry("patient", $"my name is {Name}, born 1980-02-03", null, [], Then), default);
        await conversations.AppendAsync(id, channel, new TranscriptEntry("bot", "Thanks.", "answer", [], Then), default);
        await Database.GetRequiredService<IPatientOutbox>().EnqueueAsync(new PendingDelivery("out-" + id, id, "A nurse replied.", 0, Then), default);
    }

    private async Task SmsAsync(string phone, string conversation, bool optedOut)
    {
        var subscribers = Database.GetRequiredService<ISmsSubscriberStore>();
        await subscribers.EnsureAsync(phone, conversation, () => "phone-encrypted", "(•••) •••-0199", Then, default);
        if (optedOut) await subscribers.SetOptedOutAsync(phone, true, Then, default);
        var inbox = Database.GetRequiredService<ISmsInboxStore>();
        var sid = "SM" + phone[..20];
        await inbox.ClaimMessageAsync(sid, phone, "from-encrypted", "body-encrypted", Then, default);
        await inbox.FinishMessageAsync(sid, Then, default);
        await ConversationAsync(conversation, Channel.Sms);
    }

    private async Task EscalationAsync(string id, string conversation, string status)
    {
        var store = Database.GetRequiredService<IEscalationStore>();
        await store.InsertAsync(
            new EscalationRecord(id, conversation, "web", Name, "normal", "requested", ["human.ask_for_person"], EscalationStatus.Open, null, Then, Then.AddHours(4), null),
            new OutboxMessage("n-" + id, id, $$"""{"text":"{{Name}} is waiting"}""", Then, 0, Then),
            default);
        if (status == EscalationStatus.Open) return;
        await store.TransitionAsync(id, EscalationStatus.Open, EscalationStatus.Claimed, "nurse@clinic.example", Then, default);
        if (status == EscalationStatus.Resolved) await store.TransitionAsync(id, EscalationStatus.Claimed, EscalationStatus.Resolved, null, Then, default);
    }

    private static string Hash(string number) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(number)));
}

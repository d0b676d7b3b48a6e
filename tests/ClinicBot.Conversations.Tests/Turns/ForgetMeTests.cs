using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClinicBot.Conversations.State;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using ClinicBot.Staff.Queue;
using ClinicBot.Storage.Sqlite;

namespace ClinicBot.Conversations.Tests.Turns;

/// <summary>
/// "Forget me" through the real pipeline and SQLite file: the bot asks, "yes" erases every conversation of the patient on
/// that channel and says so, anything else drops the request and is handled as usual, and a crisis is never an erase.
/// </summary>
public sealed class ForgetMeTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    // What the patient typed that must not be readable anywhere once erased.
    private const string Personal = "My name is Ana Ruiz, born 03/02/1980, ana.ruiz@example.com.";

    [Theory]
    [InlineData(Channel.Web, "en", "How long does an infusion last?", "Please delete my data", "yes")]
    [InlineData(Channel.Web, "es", "¿Cuánto dura una infusión?", "Por favor borra mis datos", "Sí")]
    [InlineData(Channel.Web, "en", "What are the side effects?", "forget me", "ok, delete")]
    [InlineData(Channel.Sms, "en", "How long does an infusion last?", "can you erase my messages", "YES")]
    [InlineData(Channel.Sms, "es", "¿Cuánto dura una infusión?", "olvídame por favor", "si")]
    [InlineData(Channel.Sms, "es", "¿Cuánto dura una infusión?", "Quiero que eliminen mi información", "dale")]
    public async Task AskThenConfirm_ErasesEveryMessageOfThePatientAndSaysSo(Channel channel, string locale, string question, string forget, string yes)
    {
        var conversation = NewConversation(channel);
        await Say(conversation, channel, locale, $"{Personal} {question}");

        var asked = await Say(conversation, channel, locale, forget);
        var erased = await Say(conversation, channel, locale, yes);

        Assert.Equal(Routes.Privacy, asked.Route);
        Assert.Equal(Routes.Privacy, erased.Route);
        Assert.Contains("privacy.erased", erased.Reasons);
        Assert.NotEqual(asked.Text, erased.Text);
        Assert.Empty(await engine.TranscriptAsync(conversation));
        Assert.Null((await engine.Get<IConversationStore>().GetAsync(conversation, default)).LastBotRoute);
        Assert.Equal(0, RowsOf(conversation));
        await AssertOnlyRedactedEscalationsAsync(conversation, channel);
        var audit = Assert.Single(Strings($"SELECT action FROM audit_log WHERE actor = 'patient' ORDER BY seq DESC LIMIT 1"));
        Assert.StartsWith($"patient_erased channel={ChannelNames.Name(channel)} ", audit, StringComparison.Ordinal);
        Assert.Contains("conversations=1", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(conversation, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_OnSms_ErasesEveryConversationOfTheSameNumberAndKeepsTheOptOut()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("+15550100" + Guid.NewGuid())));
        var (current, earlier, other) = ("sms:" + hash[..32], "sms:old-" + hash[..24], NewConversation(Channel.Sms));
        var store = engine.Get<IConversationStore>();
        await store.SetAddressAsync(earlier, Channel.Sms, new Delivery.ChannelAddress("sms", hash), DateTimeOffset.UtcNow, default);
        await Say(earlier, Channel.Sms, "en", $"{Personal} Is ketamine safe?");
        await Say(other, Channel.Sms, "en", "Another patient: how long does an infusion last?");
        Execute($"""
            INSERT INTO sms_subscribers (phone_hash, conversation_id, phone_encrypted, display, opted_out, opted_out_at, created_at, updated_at)
            VALUES ('{hash}', '{current}', 'phone-encrypted', '(•••) •••-0100', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
            INSERT INTO sms_inbound (message_sid, phone_hash, received_at, from_encrypted, body_encrypted, finished_at) VALUES ('SM{hash[..10]}', '{hash}', '2026-01-01T00:00:00Z', 'x', 'y', NULL);
            """);
        await store.SetAddressAsync(current, Channel.Sms, new Delivery.ChannelAddress("sms", hash), DateTimeOffset.UtcNow, default);

        await Say(current, Channel.Sms, "en", "delete all my messages");
        var erased = await Say(current, Channel.Sms, "en", "yes");

        Assert.Equal(Routes.Privacy, erased.Route);
        Assert.Equal((0, 0), (RowsOf(current), RowsOf(earlier)));
        await AssertOnlyRedactedEscalationsAsync(earlier, Channel.Sms);
        Assert.Empty(await engine.TranscriptAsync(earlier));
        Assert.Equal(2, (await engine.TranscriptAsync(other)).Count);
        Assert.Empty(Strings($"SELECT message_sid FROM sms_inbound WHERE phone_hash = '{hash}'"));
        // The opt-out stays (a legal record), and the reply says so.
        Assert.Equal(["1"], Strings($"SELECT opted_out FROM sms_subscribers WHERE phone_hash = '{hash}'"));
        Assert.Contains("opt-out", erased.Text, StringComparison.Ordinal);
        Assert.Contains(Strings("SELECT action FROM audit_log WHERE actor = 'patient'"), a => a.StartsWith("patient_erased channel=sms conversations=2 ", StringComparison.Ordinal) && a.EndsWith("opt_out_kept=yes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "no", Routes.Privacy)]
    [InlineData("en", "What are the common side effects?", Routes.Answer)]
    [InlineData("es", "¿Cuáles son los efectos secundarios?", Routes.Answer)]
    public async Task AskThenSomethingElse_DropsTheRequestAndHandlesTheMessage(string locale, string next, string notRoute)
    {
        var conversation = NewConversation(Channel.Web);
        await Say(conversation, Channel.Web, locale, Personal + " How long does an infusion last?");
        await Say(conversation, Channel.Web, locale, locale == "es" ? "borra mis datos" : "delete my data");

        var reply = await Say(conversation, Channel.Web, locale, next);
        var afterwards = await Say(conversation, Channel.Web, locale, locale == "es" ? "sí" : "yes");

        if (notRoute == Routes.Answer) Assert.Equal(Routes.Answer, reply.Route);
        else Assert.NotEqual(notRoute, reply.Route);
        // The request was dropped: a later "yes" erases nothing.
        Assert.DoesNotContain("privacy.erased", afterwards.Reasons);
        var transcript = await engine.TranscriptAsync(conversation);
        Assert.Equal(8, transcript.Count);
        Assert.StartsWith(Personal, transcript[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "delete my data", "yes, I want to kill myself")]
    [InlineData("en", "erase my messages", "I took all my pills, yes")]
    [InlineData("es", "borra mis datos", "sí, quiero matarme")]
    public async Task AskThenCrisis_IsACrisisAndErasesNothing(string locale, string forget, string crisis)
    {
        var conversation = NewConversation(Channel.Web);
        await Say(conversation, Channel.Web, locale, Personal + " How long does an infusion last?");
        await Say(conversation, Channel.Web, locale, forget);

        var reply = await Say(conversation, Channel.Web, locale, crisis);

        Assert.Equal(Routes.Crisis, reply.Route);
        Assert.Contains("988", reply.Text, StringComparison.Ordinal);
        Assert.Equal(6, (await engine.TranscriptAsync(conversation)).Count);
        Assert.Contains("urgent", Strings($"SELECT priority FROM escalations WHERE conversation_id = '{conversation}'"));
    }

    [Fact]
    public async Task Confirm_WithAnOpenEscalation_KeepsItRedactedAndSaysSo()
    {
        var conversation = NewConversation(Channel.Web);
        await Say(conversation, Channel.Web, "en", Personal + " Can someone call me back about my bill?");
        await Say(conversation, Channel.Web, "en", "actually, forget me");

        var erased = await Say(conversation, Channel.Web, "en", "yes");

        Assert.Equal(Routes.Privacy, erased.Route);
        Assert.Contains("asked our team for help", erased.Text, StringComparison.Ordinal);
        var escalations = await engine.Get<IEscalationStore>().ListAsync(new EscalationFilter(null, null, true), default);
        var kept = Assert.Single(escalations, e => e.ConversationId == conversation);
        Assert.Equal(EscalationStatus.Open, kept.Status);
        Assert.Equal(PatientDisplayId.For("web", conversation), kept.PatientDisplayId);
        Assert.Empty(await engine.TranscriptAsync(conversation));
    }

    [Fact]
    public async Task ForgetWhatISaid_IsNotAPrivacyRequest()
    {
        var reply = await Say(NewConversation(Channel.Web), Channel.Web, "en", "forget what I just said, how long does an infusion last?");

        Assert.NotEqual(Routes.Privacy, reply.Route);
    }

    [Fact]
    public async Task EraseMeFromThisWorld_IsACrisis()
    {
        var reply = await Say(NewConversation(Channel.Web), Channel.Web, "en", "please just erase me from this world");

        Assert.Equal(Routes.Crisis, reply.Route);
    }

    // An escalation of the conversation stays only while open, and then names the patient by a code, never by what they gave.
    private async Task AssertOnlyRedactedEscalationsAsync(string conversation, Channel channel)
    {
        var escalations = await engine.Get<IEscalationStore>().ListAsync(new EscalationFilter(null, null, true), default);
        Assert.All(escalations.Where(e => e.ConversationId == conversation), e =>
        {
            Assert.NotEqual(EscalationStatus.Resolved, e.Status);
            Assert.Equal(PatientDisplayId.For(ChannelNames.Name(channel), conversation), e.PatientDisplayId);
        });
    }

    private Task<Reply> Say(string conversation, Channel channel, string locale, string text) =>
        engine.Pipeline.HandleAsync(new TurnRequest(conversation, channel, locale, text));

    private static string NewConversation(Channel channel) =>
        (channel == Channel.Sms ? "sms:" : "directline:") + Guid.NewGuid().ToString("N");

    // The rows of every table keyed by this conversation (an open escalation excepted: it stays, redacted).
    private int RowsOf(string conversation) =>
        new[] { "SELECT count(*) FROM conversations c WHERE id = '{0}' AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.conversation_id = c.id AND e.status <> 'resolved')", "SELECT count(*) FROM transcript_entries WHERE conversation_id = '{0}'",
                "SELECT count(*) FROM patient_outbox WHERE conversation_id = '{0}'", "SELECT count(*) FROM escalations WHERE conversation_id = '{0}' AND status = 'resolved'",
                "SELECT count(*) FROM bot_conversation_references WHERE conversation_key = '{0}'", "SELECT count(*) FROM sms_subscribers WHERE conversation_id = '{0}' AND NOT opted_out" }
            .Sum(sql => int.Parse(Strings(string.Format(CultureInfo.InvariantCulture, sql, conversation)).Single(), CultureInfo.InvariantCulture));

    private List<string> Strings(string sql)
    {
        using var connection = engine.Get<SqliteConnectionFactory>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        return values;
    }

    private void Execute(string sql) => Strings(sql);
}

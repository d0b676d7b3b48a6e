using System.Xml.Linq;
using ClinicBot.Channels.Inbox;
using ClinicBot.Channels.Sms;
using ClinicBot.Sms.Tests.Fixtures;
using ClinicBot.Staff.Queue;
using ClinicBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Sms.Tests;

/// <summary>
/// The SMS inbox: a text is stored (encrypted) before its turn runs, so a turn a dead process never finished is run
/// again, by Twilio's retry of the MessageSid or at the next start-up, and its crisis reply still reaches the patient.
/// </summary>
public sealed class SmsInboxTests
{
    private const string CrisisText = "took every pill in my cabinet about an hour ago, starting to feel really strange";
    private const string CrisisReply = "Please call 911 now, or call or text 988. A member of our team has been alerted.";

    [Fact]
    public async Task TurnCutShortByACrash_IsRunAtTheNextStartUp_AndTheCrisisReplySent()
    {
        var data = Directory.CreateTempSubdirectory("clinicbot-sms-restart-").FullName;
        try
        {
            var number = SmsHostFactory.NewNumber();
            using (var crashed = SmsHostFactory.OnData(data))
            {
                await crashed.ReadyClientAsync();
                // What the webhook stores before the turn runs; the process then "dies" before the turn finishes.
                await ClaimAsync(crashed, SmsHostFactory.NewSid(), number, CrisisText);
                Assert.Empty(await EscalationsAsync(crashed, number));
            }

            using var restarted = SmsHostFactory.OnData(data);
            await restarted.ReadyClientAsync();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (restarted.Twilio.To(number).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);

            var sent = Assert.Single(restarted.Twilio.To(number));
            Assert.Contains("988", sent.Body, StringComparison.Ordinal);
            Assert.Equal("urgent", Assert.Single(await EscalationsAsync(restarted, number)).Priority);
            Assert.Empty(await restarted.Services.GetRequiredService<ISmsInboxStore>().UnfinishedAsync(CancellationToken.None));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task ReplyReadyWhenTheProcessDied_AndTwilioHasIt_IsNotSentAgain()
    {
        var (number, sid, reply) = (SmsHostFactory.NewNumber(), SmsHostFactory.NewSid(), CrisisReply);
        var sent = await RestartAfterReplyKeptAsync(number, sid, reply, twilioHasIt: true);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task ReplyReadyWhenTheProcessDied_AndTwilioLacksIt_IsSentOnce_AsItWasWritten()
    {
        var (number, sid, reply) = (SmsHostFactory.NewNumber(), SmsHostFactory.NewSid(), CrisisReply);
        var sent = await RestartAfterReplyKeptAsync(number, sid, reply, twilioHasIt: false);
        Assert.Equal(reply, Assert.Single(sent).Body);
    }

    // A crisis text whose turn ran and whose reply was kept; the process dies before it marks the text finished (with
    // the TwiML answer at Twilio or not). Returns what the restarted host sent through the REST API.
    private static async Task<IReadOnlyList<FakeTwilioApi.Sent>> RestartAfterReplyKeptAsync(string number, string sid, string reply, bool twilioHasIt)
    {
        var data = Directory.CreateTempSubdirectory("clinicbot-sms-kept-").FullName;
        try
        {
            using (var crashed = SmsHostFactory.OnData(data))
            {
                // The patient has texted before; then the crisis text's turn runs and the process dies with its reply kept.
                await (await crashed.ReadyClientAsync()).SendAsync(SmsHostFactory.Webhook(number, "how long does an infusion take?"));
                await ClaimAsync(crashed, sid, number, CrisisText);
                var phones = crashed.Services.GetRequiredService<PhoneProtector>();
                await crashed.Services.GetRequiredService<ISmsInboxStore>().KeepReplyAsync(sid, phones.Encrypt(reply, sid), CancellationToken.None);
            }

            using var restarted = SmsHostFactory.OnData(data);
            if (twilioHasIt) restarted.Twilio.CreatedFromTwiml(number, reply);
            await restarted.ReadyClientAsync();
            var store = restarted.Services.GetRequiredService<ISmsInboxStore>();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await store.UnfinishedAsync(CancellationToken.None)).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.Empty(await store.UnfinishedAsync(CancellationToken.None));
            return restarted.Twilio.To(number);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task TwilioRetry_OfAnUnfinishedMessage_RunsItsTurn_ThenAFurtherRetryGetsNothing()
    {
        using var host = new SmsHostFactory();
        var client = await host.ReadyClientAsync();
        var (number, sid) = (SmsHostFactory.NewNumber(), SmsHostFactory.NewSid());
        await ClaimAsync(host, sid, number, CrisisText);

        var retry = Message(await (await client.SendAsync(SmsHostFactory.Webhook(number, CrisisText, sid))).Content.ReadAsStringAsync());
        var again = Message(await (await client.SendAsync(SmsHostFactory.Webhook(number, CrisisText, sid))).Content.ReadAsStringAsync());

        Assert.Contains("988", retry, StringComparison.Ordinal);
        Assert.Empty(again);
        Assert.Single(await EscalationsAsync(host, number));
    }

    [Fact]
    public async Task TwilioRetry_WhileAnotherHostRunsTheTurn_GetsNoReply_AndOnceThatHostDies_ThisHostAnswersItOnce()
    {
        var data = Directory.CreateTempSubdirectory("clinicbot-sms-inflight-").FullName;
        try
        {
            using var host = SmsHostFactory.OnData(data);
            var client = await host.ReadyClientAsync();
            var (number, sid) = (SmsHostFactory.NewNumber(), SmsHostFactory.NewSid());
            // Another host on the same database took the text and is mid-turn: its lease is live for a few seconds.
            var phones = host.Services.GetRequiredService<PhoneProtector>();
            var other = new SqliteSmsStore(new SqliteConnectionFactory(host.DatabasePath), new InboxLease("other-host", TimeSpan.FromSeconds(5)));
            Assert.Equal(InboundClaim.New, await other.ClaimMessageAsync(
                sid, phones.Hash(number), phones.Encrypt(number, sid), phones.Encrypt(CrisisText, sid), DateTimeOffset.UtcNow, CancellationToken.None));

            // Twilio's retry reaches this host meanwhile: no second turn, no reply (empty TwiML).
            var retry = Message(await (await client.SendAsync(SmsHostFactory.Webhook(number, CrisisText, sid))).Content.ReadAsStringAsync());
            Assert.Empty(retry);
            Assert.Empty(await EscalationsAsync(host, number));

            // That host dies (its lease is never renewed): this host's recovery takes the text over and answers it, once.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (host.Twilio.To(number).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
            Assert.Contains("988", Assert.Single(host.Twilio.To(number)).Body, StringComparison.Ordinal);
            Assert.Equal("urgent", Assert.Single(await EscalationsAsync(host, number)).Priority);
            Assert.DoesNotContain(await host.Services.GetRequiredService<ISmsInboxStore>().UnfinishedAsync(CancellationToken.None), m => m.MessageSid == sid);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Inbox_KeepsSenderAndTextEncrypted()
    {
        using var host = new SmsHostFactory();
        var client = await host.ReadyClientAsync();
        var number = SmsHostFactory.NewNumber();

        await client.SendAsync(SmsHostFactory.Webhook(number, "my name is Dana Whitfield, how long is an infusion?"));

        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT from_encrypted || body_encrypted || COALESCE(finished_at, '') FROM sms_inbound";
        var stored = string.Concat((await ReadAllAsync(command)).Select(v => v));
        Assert.DoesNotContain("Whitfield", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(number, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(number[2..], stored, StringComparison.Ordinal);
    }

    private static async Task ClaimAsync(SmsHostFactory host, string sid, string number, string text)
    {
        var phones = host.Services.GetRequiredService<PhoneProtector>();
        var claim = await host.Services.GetRequiredService<ISmsInboxStore>().ClaimMessageAsync(
            sid, phones.Hash(number), phones.Encrypt(number, sid), phones.Encrypt(text, sid), DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(InboundClaim.New, claim);
    }

    private static async Task<List<string>> ReadAllAsync(SqliteCommand command)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private static string Message(string twiml) =>
        string.Concat(XDocument.Parse(twiml).Root!.Elements("Message").Select(m => m.Value));

    private static async Task<List<EscalationRecord>> EscalationsAsync(SmsHostFactory host, string number)
    {
        var all = await host.Services.GetRequiredService<EscalationQueue>().ListAsync(new EscalationFilter(null, null, true), CancellationToken.None);
        var conversationId = "sms:" + host.Services.GetRequiredService<PhoneProtector>().Hash(number)[..32];
        return all.Where(e => e.ConversationId == conversationId).ToList();
    }
}

using System.Net;
using System.Xml.Linq;
using ClinicBot.Channels.Sms;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Prompts;
using ClinicBot.Sms.Tests.Fixtures;
using ClinicBot.Staff.Queue;
using ClinicBot.Testing;
using ClinicBot.Testing.DevSet;
using Microsoft.Extensions.DependencyInjection;
using static ClinicBot.Sms.Tests.Fixtures.SmsHostFactory;

namespace ClinicBot.Sms.Tests;

/// <summary>The Twilio webhook over the real host: signature, keywords and opt-out, dedupe, segments, staff replies by text.</summary>
public sealed class SmsWebhookTests(SmsHostFactory host) : IClassFixture<SmsHostFactory>
{
    public static IEnumerable<object[]> SmsCases() => DevSetLoader.All.Where(c => c.Channel == Channel.Sms).Select(c => new object[] { c });

    [Fact]
    public async Task Webhook_BadSignature_Returns403()
    {
        var client = await host.ReadyClientAsync();

        var response = await client.SendAsync(Webhook(NewNumber(), "hello", signature: "AAAAAAAAAAAAAAAAAAAAAAAAAAA="));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_MissingSignature_Returns403()
    {
        var client = await host.ReadyClientAsync();
        var request = Webhook(NewNumber(), "hello");
        request.Headers.Remove("X-Twilio-Signature");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Webhook_SignedForAnotherUrl_Returns403()
    {
        var client = await host.ReadyClientAsync();
        var request = Webhook(NewNumber(), "hello", url: "https://evil.example/api/sms/twilio");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Webhook_NotAForm_Returns400()
    {
        var client = await host.ReadyClientAsync();

        var response = await client.PostAsync("/api/sms/twilio", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_WithQueryString_SignatureCoversIt()
    {
        var client = await host.ReadyClientAsync();

        var response = await client.SendAsync(Webhook(NewNumber(), "what is ketamine therapy", url: WebhookUrl + "?clinic=calm&x=a%20b"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Message(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(SmsCases))]
    public async Task DevSetCase_Sms_AnsweredWithinTwoSegments(DevSetCase devCase)
    {
        var client = await host.ReadyClientAsync();

        var response = await client.SendAsync(Webhook(NewNumber(), devCase.Text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var text = Message(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(text);
        Assert.InRange(SmsSegments.Count(text), 1, 2);
        if (devCase.Category == "crisis")
        {
            Assert.Equal(1, SmsSegments.Count(text));
            Assert.Contains("988", text, StringComparison.Ordinal);
            Assert.Contains("911", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Stop_ThenQuestion_ConfirmsOnceAndAnswersOnlyHelp()
    {
        var client = await host.ReadyClientAsync();
        var number = NewNumber();

        var stop = Message(await Text(client, number, "  Stop "));
        var again = Message(await Text(client, number, "STOP"));
        var question = Message(await Text(client, number, "what are the side effects"));
        var help = Message(await Text(client, number, "HELP"));
        var afterHelp = Message(await Text(client, number, "is it safe with my blood pressure meds?"));

        Assert.Contains("START", stop, StringComparison.Ordinal);
        Assert.Empty(again);
        Assert.Empty(question);
        Assert.Contains("Calm Clinic", help, StringComparison.Ordinal);
        Assert.Contains("Reply STOP to opt out", help, StringComparison.Ordinal);
        Assert.Contains("Msg & data rates may apply", help, StringComparison.Ordinal);
        Assert.Empty(afterHelp);
    }

    [Fact]
    public async Task Ayuda_AfterAlto_AnsweredInSpanishAndTheOptOutStays()
    {
        var client = await host.ReadyClientAsync();
        var number = NewNumber();

        var alto = Message(await Text(client, number, "ALTO"));
        var ayuda = Message(await Text(client, number, "ayuda"));
        var question = Message(await Text(client, number, "cuanto cuesta el tratamiento?"));

        Assert.Contains("baja", alto, StringComparison.Ordinal);
        Assert.Contains("Asistente de pacientes de Calm Clinic", ayuda, StringComparison.Ordinal);
        Assert.Contains("(555) 010-2000", ayuda, StringComparison.Ordinal);
        Assert.Contains("ALTO", ayuda, StringComparison.Ordinal);
        Assert.Empty(question);
        Assert.Empty(host.Twilio.To(number));
    }

    [Fact]
    public async Task Crisis_FromOptedOutNumber_GetsCrisisRepliesAndUrgentEscalationOnly()
    {
        var client = await host.ReadyClientAsync();
        var number = NewNumber();

        await Text(client, number, "STOP");
        var crisis = Message(await Text(client, number, "i cant do this anymore, i want to kill myself"));
        var later = Message(await Text(client, number, "what are the side effects"));

        Assert.Contains("988", crisis, StringComparison.Ordinal);
        Assert.Contains("911", crisis, StringComparison.Ordinal);
        Assert.Equal(1, SmsSegments.Count(crisis));
        Assert.Contains(await EscalationsAsync(number), e => e.Priority == "urgent" && e.Reason == "crisis");
        // While the conversation is in crisis the pipeline gives crisis replies only; the question is not answered.
        Assert.Contains("988", later, StringComparison.Ordinal);
        Assert.DoesNotContain("More:", later, StringComparison.Ordinal);
        Assert.True((await host.Services.GetRequiredService<ISmsSubscriberStore>().FindByHashAsync(
            host.Services.GetRequiredService<PhoneProtector>().Hash(number), CancellationToken.None))!.OptedOut);
    }

    [Fact]
    public async Task PersonRequest_FromOptedOutNumber_IsEscalatedButNotAnswered()
    {
        var client = await host.ReadyClientAsync();
        var number = NewNumber();

        await Text(client, number, "stop");
        var reply = Message(await Text(client, number, "can someone call me back about my appointment"));

        Assert.Empty(reply);
        Assert.Contains(await EscalationsAsync(number), e => e.Reason == "requested");
        Assert.Empty(host.Twilio.To(number));
    }

    [Theory]
    [InlineData("STOPALL")]
    [InlineData("unsubscribe")]
    [InlineData("End")]
    [InlineData("QUIT")]
    [InlineData("cancel")]
    [InlineData("REVOKE")]
    [InlineData("optout")]
    [InlineData("opt out")]
    [InlineData("ALTO")]
    [InlineData("parar")]
    public async Task OptOutKeyword_Alone_OptsOut(string keyword)
    {
        var client = await host.ReadyClientAsync();
        var number = NewNumber();

        Assert.NotEmpty(Message(await Text(client, number, keyword)));
        Assert.Empty(Message(await Text(client, number, "what is ketamine")));
    }

    [Fact]
    public async Task CancelMyAppointment_IsABookingRequest_NotAnOptOut()
    {
        var client = await host.ReadyClientAsync();
        var number = NewNumber();

        var reply = Message(await Text(client, number, "Cancel my appointment"));
        var later = Message(await Text(client, number, "what is ketamine"));

        Assert.NotEmpty(reply);
        Assert.DoesNotContain("unsubscribed", reply, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(later);
        var escalations = await EscalationsAsync(number);
        Assert.Contains(escalations, e => e.Reason == "requested");
    }

    [Fact]
    public async Task Start_AfterStop_ReEnablesReplies()
    {
        var client = await host.ReadyClientAsync();
        var number = NewNumber();

        await Text(client, number, "STOP");
        var start = Message(await Text(client, number, "start"));
        var question = Message(await Text(client, number, "what is ketamine therapy"));

        Assert.Contains("resubscribed", start, StringComparison.Ordinal);
        Assert.NotEmpty(question);
    }

    [Theory]
    [InlineData("HELP", "Msg & data rates may apply")]
    [InlineData("info", "Msg & data rates may apply")]
    [InlineData("Ayuda", "ALTO")]
    public async Task Help_Alone_GivesProgramPhoneOptOutAndRates(string keyword, string expected)
    {
        var client = await host.ReadyClientAsync();

        var reply = Message(await Text(client, NewNumber(), keyword));

        Assert.Contains("Calm Clinic", reply, StringComparison.Ordinal);
        Assert.Contains("(555) 010-2000", reply, StringComparison.Ordinal);
        Assert.Contains(expected, reply, StringComparison.Ordinal);
        Assert.Contains("Msg & data rates may apply", reply, StringComparison.Ordinal);
        Assert.Equal(1, SmsSegments.Count(reply) <= 2 ? 1 : 0);
    }

    [Fact]
    public async Task Crisis_WithAKeyword_IsCrisis()
    {
        var client = await host.ReadyClientAsync();
        var number = NewNumber();

        var reply = Message(await Text(client, number, "stop, I want to kill myself tonight"));

        Assert.Contains("988", reply, StringComparison.Ordinal);
        Assert.Contains("911", reply, StringComparison.Ordinal);
        Assert.Equal(1, SmsSegments.Count(reply));
        Assert.Contains(await EscalationsAsync(number), e => e.Priority == "urgent");
    }

    [Fact]
    public async Task DuplicateMessageSid_OneReplyOneEscalation()
    {
        var client = await host.ReadyClientAsync();
        var number = NewNumber();
        var sid = NewSid();

        var first = Message(await (await client.SendAsync(Webhook(number, "I want to end my life", sid))).Content.ReadAsStringAsync());
        var retry = await client.SendAsync(Webhook(number, "I want to end my life", sid));

        Assert.Contains("988", first, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Empty(Message(await retry.Content.ReadAsStringAsync()));
        Assert.Single(await EscalationsAsync(number));
    }

    [Fact]
    public async Task StaffReply_ReachesSmsPatientThroughRestApi()
    {
        var client = await host.ReadyClientAsync();
        var number = NewNumber();
        await Text(client, number, "can someone call me back about my appointment");
        var escalation = (await EscalationsAsync(number)).Single();

        var delivered = await Messenger().SendAsync(escalation.ConversationId, Channel.Sms, "staff", "Hi, it’s Joy from the clinic. I’ll call you at 3.", CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, delivered);
        var sent = Assert.Single(host.Twilio.To(number));
        Assert.Equal(AccountSid, sent.Account);
        Assert.Equal(ClinicNumber, sent.From);
        Assert.Equal("Hi, it's Joy from the clinic. I'll call you at 3.", sent.Body);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        Assert.Equal("Basic " + basic, sent.Authorization);
        Assert.Matches(@"^•••-\d{4}$", escalation.PatientDisplayId);
        Assert.EndsWith(number[^4..], escalation.PatientDisplayId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffReply_ToOptedOutNumber_IsNotSent()
    {
        var client = await host.ReadyClientAsync();
        var number = NewNumber();
        await Text(client, number, "I need to talk to a person");
        var escalation = (await EscalationsAsync(number)).Single();
        await Text(client, number, "STOP");

        var delivered = await Messenger().SendAsync(escalation.ConversationId, Channel.Sms, "staff", "Hello from the team", CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Unreachable, delivered);
        Assert.Empty(host.Twilio.To(number));
    }

    [Fact]
    public async Task Error21610_MarksTheNumberOptedOut()
    {
        var client = await host.ReadyClientAsync();
        var number = NewNumber();
        await Text(client, number, "I need to talk to a person");
        var escalation = (await EscalationsAsync(number)).Single();
        host.Twilio.OptedOut[number] = 0;

        var first = await Messenger().SendAsync(escalation.ConversationId, Channel.Sms, "staff", "first", CancellationToken.None);
        var second = await Messenger().SendAsync(escalation.ConversationId, Channel.Sms, "staff", "second", CancellationToken.None);
        var question = Message(await Text(client, number, "what is ketamine"));

        Assert.Equal(DeliveryOutcome.Refused, first);
        Assert.Equal(DeliveryOutcome.Unreachable, second);
        Assert.Single(host.Twilio.To(number));
        Assert.Empty(question);
    }

    [Fact]
    public async Task PhoneNumber_NeverInLogsOrDatabase()
    {
        var client = await host.ReadyClientAsync();
        var number = NewNumber();
        await Text(client, number, "I need to talk to a person");
        await Text(client, number, "what are the side effects");
        await Text(client, number, "STOP");
        await client.SendAsync(Webhook(number, "hello", signature: "bad"));

        var digits = number[1..];
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(digits, StringComparison.Ordinal) || l.Contains(number[^7..], StringComparison.Ordinal));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Empty(StoredFiles.Containing(host.DataDirectory, System.Text.Encoding.UTF8.GetBytes(digits)));
        Assert.Empty(StoredFiles.Containing(host.DataDirectory, System.Text.Encoding.Unicode.GetBytes(digits)));
    }

    private static async Task<string> Text(HttpClient client, string number, string body)
    {
        var response = await client.SendAsync(Webhook(number, body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Message(string twiml)
    {
        var root = XDocument.Parse(twiml).Root!;
        Assert.Equal("Response", root.Name.LocalName);
        return string.Concat(root.Elements("Message").Select(m => m.Value));
    }

    private PatientMessenger Messenger() => host.Services.GetRequiredService<PatientMessenger>();

    private async Task<List<EscalationRecord>> EscalationsAsync(string number)
    {
        var queue = host.Services.GetRequiredService<EscalationQueue>();
        var all = await queue.ListAsync(new EscalationFilter(null, null, true), CancellationToken.None);
        var conversationId = "sms:" + host.Services.GetRequiredService<PhoneProtector>().Hash(number)[..32];
        return all.Where(e => e.ConversationId == conversationId).ToList();
    }

}

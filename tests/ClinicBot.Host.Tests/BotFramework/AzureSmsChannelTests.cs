using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicBot.Channels.Sms;
using ClinicBot.Host.Tests.Fixtures;
using ClinicBot.Staff.Queue;
using ClinicBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.BotFramework;

/// <summary>
/// Texts that reach the bot through Azure Bot Service's Twilio channel (activities with channelId <c>sms</c>, whose
/// conversation id is the patient's number) follow the same SMS rules as the direct Twilio webhook: carrier keywords,
/// opt-out, HELP after STOP, crisis after STOP, no unsolicited texts.
/// </summary>
public sealed class AzureSmsChannelTests : IAsyncLifetime
{
    private const string Number = "+15557654321";
    private readonly HostFactory _host = new();
    private readonly FakeChannel _channel = new();

    public Task InitializeAsync()
    {
        _host.Settings["Clinic:Name"] = "Calm Clinic";
        _host.Settings["Clinic:Phone"] = "(555) 010-2000";
        _host.Settings["Sms:PhoneHashKey"] = "test-phone-hash-key-0123456789abcdef";
        _host.Settings["Sms:PhoneEncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Messages_SmsStopThenQuestion_OptsOutAndSendsNothingMore()
    {
        var client = await _host.ReadyClientAsync();

        var stop = await TextAsync(client, "STOP");
        var after = await TextAsync(client, "what are the side effects");

        Assert.Equal("opt_out", (string?)ReplyEntity(Assert.Single(stop)!)["route"]);
        Assert.Empty(after);
    }

    [Fact]
    public async Task Messages_SmsQuestion_RepliesInShortPlainText()
    {
        var client = await _host.ReadyClientAsync();

        var reply = Assert.Single(await TextAsync(client, "What are the side effects?"))!;

        Assert.Null(reply["textFormat"]);
        Assert.DoesNotContain("**", (string?)reply["text"]);
        Assert.True(((string?)reply["text"])!.Length <= 320);
    }

    [Theory]
    [InlineData("Stop", "opt_out", "START")]
    [InlineData("ALTO", "opt_out", "baja")]
    [InlineData("opt out", "opt_out", "START")]
    [InlineData("HELP", "help", "Msg & data rates may apply")]
    [InlineData("Ayuda", "help", "Asistente de pacientes")]
    public async Task Messages_SmsKeyword_IsHonouredNotAnswered(string keyword, string route, string expected)
    {
        var client = await _host.ReadyClientAsync();

        var reply = Assert.Single(await TextAsync(client, keyword))!;

        Assert.Equal(route, (string?)ReplyEntity(reply)["route"]);
        Assert.Contains(expected, (string?)reply["text"], StringComparison.Ordinal);
        Assert.Contains("Calm Clinic", (string?)reply["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_SmsHelpAfterStop_IsAnsweredAndTheOptOutStays()
    {
        var client = await _host.ReadyClientAsync();

        await TextAsync(client, "STOP");
        var help = Assert.Single(await TextAsync(client, "help"))!;
        var question = await TextAsync(client, "how long does a session take?");

        Assert.Equal("help", (string?)ReplyEntity(help)["route"]);
        Assert.Contains("(555) 010-2000", (string?)help["text"], StringComparison.Ordinal);
        Assert.Contains("Reply STOP to opt out", (string?)help["text"], StringComparison.Ordinal);
        Assert.Empty(question);
        Assert.True(await OptedOutAsync());
    }

    [Fact]
    public async Task Messages_SmsAyudaAfterAlto_IsAnsweredInSpanish()
    {
        var client = await _host.ReadyClientAsync();

        await TextAsync(client, "alto");
        var ayuda = Assert.Single(await TextAsync(client, "AYUDA"))!;

        Assert.Equal("help", (string?)ReplyEntity(ayuda)["route"]);
        Assert.Contains("Responda ALTO para darse de baja", (string?)ayuda["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_SmsStartAfterStop_RepliesAgain()
    {
        var client = await _host.ReadyClientAsync();

        await TextAsync(client, "STOP");
        var start = Assert.Single(await TextAsync(client, "START"))!;
        var question = await TextAsync(client, "what is ketamine therapy");

        Assert.Equal("opt_in", (string?)ReplyEntity(start)["route"]);
        Assert.NotEmpty(question);
    }

    [Fact]
    public async Task Messages_SmsCrisisAfterStop_GetsTheCrisisReplyAndUrgentEscalation()
    {
        var client = await _host.ReadyClientAsync();

        await TextAsync(client, "STOP");
        var crisis = Assert.Single(await TextAsync(client, "i cant do this anymore, i want to kill myself"))!;
        var later = await TextAsync(client, "what are the side effects");

        Assert.Equal("crisis", (string?)ReplyEntity(crisis)["route"]);
        Assert.Contains("988", (string?)crisis["text"], StringComparison.Ordinal);
        Assert.True(((string?)crisis["text"])!.Length <= 160);
        Assert.Contains(await EscalationsAsync(), e => e.Priority == "urgent" && e.Reason == "crisis");
        // While the conversation is in crisis the pipeline answers with crisis replies only; the question is not answered.
        Assert.Equal("crisis", (string?)ReplyEntity(Assert.Single(later)!)["route"]);
        Assert.True(await OptedOutAsync());
    }

    [Fact]
    public async Task Messages_SmsPersonRequestAfterStop_IsEscalatedButNotAnswered()
    {
        var client = await _host.ReadyClientAsync();

        await TextAsync(client, "STOP");
        var reply = await TextAsync(client, "can someone call me back about my appointment");

        Assert.Empty(reply);
        Assert.Contains(await EscalationsAsync(), e => e.Reason == "requested");
    }

    [Fact]
    public async Task ConversationUpdate_SmsChannel_SendsNoWelcome()
    {
        var client = await _host.ReadyClientAsync();
        var update = MembersAdded(_channel.BaseUrl, Number, "user-1");
        update["channelId"] = "sms";

        var response = await client.PostAsJsonAsync("/api/messages", update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task Messages_SmsCrisis_OneSegmentWith988AndNoNumberStored()
    {
        var client = await _host.ReadyClientAsync();

        var replies = await RepliesAsync(await client.PostAsJsonAsync("/api/messages", Message("i want to kill myself", channelId: "sms", expectReplies: true, conversationId: "+15551239876")));

        var reply = Assert.Single(replies)!;
        Assert.Equal("crisis", (string?)ReplyEntity(reply)["route"]);
        Assert.Contains("988", (string?)reply["text"]);
        Assert.True(((string?)reply["text"])!.Length <= 160);
        SqliteConnection.ClearAllPools();
        Assert.Empty(StoredFiles.Containing(_host.DataDirectory, "5551239876"u8, "clinicbot.db*"));
    }

    private static async Task<JsonArray> TextAsync(HttpClient client, string text)
    {
        var response = await client.PostAsJsonAsync("/api/messages", Message(text, channelId: "sms", expectReplies: true, conversationId: Number));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await RepliesAsync(response);
    }

    private async Task<bool> OptedOutAsync()
    {
        var hash = _host.Services.GetRequiredService<PhoneProtector>().Hash(Number);
        return (await _host.Services.GetRequiredService<ISmsSubscriberStore>().FindByHashAsync(hash, CancellationToken.None))!.OptedOut;
    }

    private async Task<IReadOnlyList<EscalationRecord>> EscalationsAsync() =>
        await _host.Services.GetRequiredService<EscalationQueue>().ListAsync(new EscalationFilter(null, null, true), CancellationToken.None);
}

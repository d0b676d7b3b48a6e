using System.Net.Http.Json;
using ClinicBot.Host.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.BotFramework;

/// <summary>
/// Texts that reach the bot through Azure Bot Service's Twilio channel (activities with channelId <c>sms</c>, whose
/// conversation id is the patient's number) follow the same SMS rules as the direct Twilio webhook.
/// </summary>
public sealed class AzureSmsChannelTests : IAsyncLifetime
{
    private const string Number = "+15557654321";
    private readonly HostFactory _host = new();

    public Task InitializeAsync()
    {
        _host.Settings["Sms:PhoneHashKey"] = "test-phone-hash-key-0123456789abcdef";
        _host.Settings["Sms:PhoneEncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Messages_SmsStopThenQuestion_OptsOutAndSendsNothingMore()
    {
        var client = await _host.ReadyClientAsync();

        var stop = await RepliesAsync(await client.PostAsJsonAsync("/api/messages", Message("STOP", channelId: "sms", expectReplies: true, conversationId: Number)));
        var after = await RepliesAsync(await client.PostAsJsonAsync("/api/messages", Message("what are the side effects", channelId: "sms", expectReplies: true, conversationId: Number)));

        Assert.Equal("opt_out", (string?)ReplyEntity(Assert.Single(stop)!)["route"]);
        Assert.Empty(after);
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
        var database = await File.ReadAllBytesAsync(Path.Combine(_host.DataDirectory, "clinicbot.db"));
        var wal = Path.Combine(_host.DataDirectory, "clinicbot.db-wal");
        var all = File.Exists(wal) ? [.. database, .. await File.ReadAllBytesAsync(wal)] : database;
        Assert.Equal(-1, all.AsSpan().IndexOf("5551239876"u8));
    }
}

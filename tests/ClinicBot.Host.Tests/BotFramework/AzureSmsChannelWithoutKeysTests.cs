using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicBot.Host.Tests.Fixtures;
using ClinicBot.Testing;
using Microsoft.Data.Sqlite;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.BotFramework;

/// <summary>
/// Azure Bot Service's SMS channel while <c>Sms:PhoneHashKey</c> and <c>Sms:PhoneEncryptionKey</c> are unset: the SMS
/// rules cannot run (no opt-out could be kept, the number would be stored in clear), so every SMS activity is refused
/// with 503 and a logged reason; none is answered as a question, nothing is stored or sent.
/// </summary>
public sealed class AzureSmsChannelWithoutKeysTests(HostFactory host) : IClassFixture<HostFactory>, IAsyncLifetime
{
    private readonly FakeChannel _channel = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Theory]
    [InlineData("+15550102001", "STOP")]
    [InlineData("+15550102002", "Alto")]
    [InlineData("+15550102003", "HELP")]
    [InlineData("+15550102004", "START")]
    [InlineData("+15550102005", "what are the side effects")]
    [InlineData("+15550102006", "i want to kill myself")]
    public async Task Messages_SmsWithoutPhoneKeys_RefusedWithReasonNeverAnswered(string number, string text)
    {
        var client = await host.ReadyClientAsync();
        var id = "sms-" + Guid.NewGuid().ToString("N");

        var response = await client.PostAsJsonAsync("/api/messages", Message(text, channelId: "sms", expectReplies: true, conversationId: number, id: id));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("Sms:PhoneHashKey", (string?)problem!["detail"], StringComparison.Ordinal);
        var logged = host.Logs.Lines.Where(l => l.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Contains(logged, l => l.Contains("Refused activity", StringComparison.Ordinal) && l.Contains("Sms:PhoneEncryptionKey", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(number[2..], StringComparison.Ordinal));
        // The reason names the keywords it cannot honour; a sentence never reaches the logs.
        if (text.Contains(' ', StringComparison.Ordinal)) Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.False(StoredAnywhere(number[2..]));
    }

    [Fact]
    public async Task Messages_SmsWithoutPhoneKeys_NothingPostedToTheChannel()
    {
        var client = await host.ReadyClientAsync();

        var message = await client.PostAsJsonAsync("/api/messages", Message("STOP", serviceUrl: _channel.BaseUrl, channelId: "sms", conversationId: "+15550102010"));
        var update = MembersAdded(_channel.BaseUrl, "+15550102010", "user-1");
        update["channelId"] = "sms";
        var joined = await client.PostAsJsonAsync("/api/messages", update);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, message.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, joined.StatusCode);
        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task Messages_WebChatWithoutPhoneKeys_StillAnswered()
    {
        var client = await host.ReadyClientAsync();

        var response = await client.PostAsJsonAsync("/api/messages", Message("STOP", expectReplies: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await RepliesAsync(response));
    }

    private bool StoredAnywhere(string digits)
    {
        SqliteConnection.ClearAllPools();
        return StoredFiles.Containing(host.DataDirectory, System.Text.Encoding.UTF8.GetBytes(digits), "clinicbot.db*").Count > 0;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClinicBot.Host.Tests.Fixtures;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.BotFramework;

/// <summary>
/// Damaged or oversized input on the host: a clear 4xx with a reason, never a 5xx, and a crisis inside a damaged message
/// is still read as one.
/// </summary>
public sealed class MessagesInputHygieneTests(HostFactory host) : IClassFixture<HostFactory>, IAsyncLifetime
{
    private readonly FakeChannel _channel = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await host.ReadyClientAsync();

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Theory]
    [InlineData("i took all my sleeping pills and i feel really weird \\ud83d")] // an emoji cut after its first half
    [InlineData("\\udc4b i dont want to be alive anymore")] // the second half alone
    public async Task Messages_LoneSurrogateInCrisisMessage_StillGetsTheCrisisReply(string escapedText)
    {
        var body = Message("placeholder", expectReplies: true).ToJsonString().Replace("placeholder", escapedText, StringComparison.Ordinal);

        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray().Single()!;
        Assert.Equal("crisis", (string?)ReplyEntity(reply)["route"]);
        Assert.Contains("988", (string?)reply["text"]);
    }

    [Fact]
    public async Task ConversationUpdate_NullMembers_IsAnswered200AndWelcomesTheRealOne()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        var activity = MembersAdded(_channel.BaseUrl, conversation, "user-1");
        activity["membersAdded"]!.AsArray().Insert(0, null);
        var withNullList = MembersAdded(_channel.BaseUrl, conversation + "-b");
        withNullList["membersAdded"] = null;

        var first = await _client.PostAsJsonAsync("/api/messages", activity);
        var second = await _client.PostAsJsonAsync("/api/messages", withNullList);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["user-1"], _channel.Activities("message").Select(w => (string)w["recipient"]!["id"]!));
    }

    [Fact]
    public async Task Messages_BodyOverTheCap_Returns413WithReason()
    {
        var activity = Message(new string('a', 300_000), expectReplies: true);

        var response = await _client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
    }

    [Theory]
    [InlineData("/staff/missing.js")]
    [InlineData("/webchat/missing.js")]
    public async Task MissingStaticFile_Returns404(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Conversations.Turns;
using ClinicBot.Host.Tests.Fixtures;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.BotFramework;

/// <summary><c>POST /api/messages</c> in local (anonymous, loopback) mode, over the real engine and a real SQLite file.</summary>
public sealed class MessagesEndpointTests(HostFactory host) : IClassFixture<HostFactory>, IAsyncLifetime
{
    private readonly FakeChannel _channel = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await host.ReadyClientAsync();

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Fact]
    public async Task Messages_ExpectReplies_ReturnsGroundedAnswerWithReplyEntity()
    {
        var response = await _client.PostAsJsonAsync("/api/messages", Message("What are the side effects of ketamine therapy?", expectReplies: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await RepliesAsync(response))!;
        Assert.Equal("message", (string?)reply["type"]);
        Assert.Equal("markdown", (string?)reply["textFormat"]);
        Assert.Equal(BotId, (string?)reply["from"]!["id"]);
        Assert.Equal("user-1", (string?)reply["recipient"]!["id"]);
        var entity = ReplyEntity(reply);
        Assert.Equal("answer", (string?)entity["route"]);
        Assert.NotEmpty(entity["sources"]!.AsArray());
        Assert.Equal((string?)reply["text"], (string?)entity["text"]);
        Assert.Contains("(/articles/", (string?)reply["text"]);
        Assert.True(entity.ContainsKey("escalation"));
        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task Messages_CrisisMessage_RepliesWithCrisisRouteAnd988()
    {
        var response = await _client.PostAsJsonAsync("/api/messages", Message("I want to kill myself", expectReplies: true));

        var reply = Assert.Single(await RepliesAsync(response))!;
        var entity = ReplyEntity(reply);
        Assert.Equal("crisis", (string?)entity["route"]);
        Assert.Contains("988", (string?)reply["text"]);
        Assert.Equal("urgent", (string?)entity["escalation"]!["priority"]);
    }

    [Fact]
    public async Task Messages_SpanishLocale_RepliesInSpanish()
    {
        var response = await _client.PostAsJsonAsync("/api/messages", Message("quiero hablar con una persona", locale: "es-MX", expectReplies: true));

        var reply = Assert.Single(await RepliesAsync(response))!;
        Assert.Equal("es-MX", (string?)reply["locale"]);
        Assert.Contains("equipo", (string?)reply["text"]);
    }

    [Fact]
    public async Task Messages_NormalDelivery_PostsReplyToServiceUrlReplyRoute()
    {
        var activity = Message("What is ketamine therapy?", serviceUrl: _channel.BaseUrl + "/", conversationId: "a:b|c", id: "act-1");

        var response = await _client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(_channel.Requests, r => (string?)r.Activity["type"] == "message");
        Assert.Equal("/v3/conversations/a%3Ab%7Cc/activities/act-1", received.RawTarget);
        Assert.Equal("act-1", (string?)received.Activity["replyToId"]);
        Assert.Null(received.Authorization);
        Assert.Equal("answer", (string?)ReplyEntity(received.Activity)["route"]);
    }

    [Theory]
    [InlineData("{\"type\": \"message\", ")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public async Task Messages_MalformedJson_Returns400WithReason(string body)
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("not a valid activity", (string?)problem!["detail"]);
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("http://169.254.169.254/")]
    public async Task Messages_LocalModeWithPublicServiceUrl_Returns400AndPostsNowhere(string serviceUrl)
    {
        var response = await _client.PostAsJsonAsync("/api/messages", Message("What is ketamine therapy?", serviceUrl: serviceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("this machine", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
    }

    [Theory]
    [InlineData("http://localhost:{0}/")]
    [InlineData("http://127.0.0.1:{0}/")]
    public async Task Messages_LocalModeWithLoopbackServiceUrl_IsAnswered(string serviceUrl)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, serviceUrl, new Uri(_channel.BaseUrl).Port);

        var response = await _client.PostAsJsonAsync("/api/messages", Message("What is ketamine therapy?", serviceUrl: url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_channel.Activities("message"));
    }

    [Fact]
    public async Task Messages_MissingType_Returns400WithReason()
    {
        var activity = Message("hello", expectReplies: true);
        activity.Remove("type");

        var response = await _client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no type", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
    }

    [Theory]
    [InlineData("endOfConversation", null)]
    [InlineData("event", "handoff.status")]
    [InlineData("event", "some.unknown.event")]
    [InlineData("somethingNew", null)]
    [InlineData("typing", null)]
    public async Task Messages_NonMessageActivities_Return200WithoutReply(string type, string? name)
    {
        var activity = Envelope(type, _channel.BaseUrl);
        if (name is not null) activity["name"] = name;
        activity["value"] = new JsonObject { ["state"] = "completed" };

        var response = await _client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task ConversationUpdate_MembersAdded_WelcomesEachPatientOnceAndNeverTheBot()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N");

        await _client.PostAsJsonAsync("/api/messages", MembersAdded(_channel.BaseUrl, conversation, BotId, "user-1"));
        await _client.PostAsJsonAsync("/api/messages", MembersAdded(_channel.BaseUrl, conversation, "user-1", "user-2"));

        var welcomes = _channel.Activities("message");
        Assert.Equal(2, welcomes.Count);
        Assert.Equal(["user-1", "user-2"], welcomes.Select(w => (string)w["recipient"]!["id"]!).Order());
        Assert.All(welcomes, w =>
        {
            Assert.Equal("welcome", (string?)ReplyEntity(w)["route"]);
            Assert.Contains("988", (string?)w["text"]);
            Assert.Contains("not medical advice", (string?)w["text"]);
        });
    }

    [Fact]
    public async Task Messages_DuplicateActivityId_RepliesOnce()
    {
        var activity = Message("I want to talk to a person", serviceUrl: _channel.BaseUrl, id: "retry-" + Guid.NewGuid().ToString("N"));

        var first = await _client.PostAsJsonAsync("/api/messages", activity);
        var retry = await _client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(_channel.Activities("message"));
    }

    [Fact]
    public async Task Messages_ConnectorThrottles_RetriesAfterRetryAfter()
    {
        _channel.Script((429, "1"), (503, null));
        var watch = Stopwatch.StartNew();

        var response = await _client.PostAsJsonAsync("/api/messages", Message("What is a session like?", serviceUrl: _channel.BaseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _channel.Requests.Count);
        var times = _channel.Requests.Select(r => r.At).ToList();
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"retried after {times[1] - times[0]}, before Retry-After");
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Messages_ConnectorKeepsFailing_Returns502AfterReplyAttempts()
    {
        _channel.Script((500, null), (500, null), (500, null), (500, null));

        var response = await _client.PostAsJsonAsync("/api/messages", Message("What is a session like?", serviceUrl: _channel.BaseUrl));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(4, _channel.Requests.Count);
    }

    [Fact]
    public async Task Messages_AttachmentOnly_RepliesAskingForText()
    {
        var activity = Message("", expectReplies: true);
        activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "https://example.org/x.png" });

        var reply = Assert.Single(await RepliesAsync(await _client.PostAsJsonAsync("/api/messages", activity)))!;

        Assert.Equal("fallback", (string?)ReplyEntity(reply)["route"]);
        Assert.Contains("988", (string?)reply["text"]);
    }
}

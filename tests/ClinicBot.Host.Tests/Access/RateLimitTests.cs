using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicBot.Host.Tests.Fixtures;
using ClinicBot.Staff.Accounts;
using Microsoft.Extensions.DependencyInjection;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.Access;

/// <summary>
/// The rate limits over the real host, each rule set low: a flood from one address, conversation or sign-in form gets
/// 429 with Retry-After and the reason once the configured limit is spent, and is neither stored nor answered, while
/// another address or conversation still gets through.
/// </summary>
public sealed class RateLimitTests : IClassFixture<HostFactory>
{
    private const string Password = "correct horse battery staple";
    private static readonly IPAddress Flooder = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Visitor = IPAddress.Parse("198.51.100.9");
    private readonly HostFactory _host;

    public RateLimitTests(HostFactory host)
    {
        _host = host;
        host.Settings["RateLimits:TokenPerAddress:PermitLimit"] = "3";
        host.Settings["RateLimits:ConversationStartPerAddress:PermitLimit"] = "2";
        host.Settings["RateLimits:ActivitiesPerConversation:PermitLimit"] = "2";
        host.Settings["RateLimits:MessagesPerConversation:PermitLimit"] = "2";
        host.Settings["RateLimits:SignInPerAddress:PermitLimit"] = "2";
        host.Settings["RateLimits:SignInPerAddress:Window"] = "00:10:00";
    }

    [Fact]
    public async Task Token_FloodFromOneAddress_Returns429WithRetryAfter_WhileAnotherAddressGetsThrough()
    {
        var client = await _host.ReadyClientAsync();
        _host.RemoteAddress = Flooder;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await client.PostAsync("/api/webchat/token", null)).StatusCode);
        var refused = await client.PostAsync("/api/webchat/token", null);
        _host.RemoteAddress = Visitor;
        var other = await client.PostAsync("/api/webchat/token", null);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        await AssertRefusedAsync(refused, "TokenPerAddress");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task ConversationStart_FloodFromOneAddress_Returns429()
    {
        var client = await _host.ReadyClientAsync();
        _host.RemoteAddress = IPAddress.Parse("203.0.113.8");

        var first = await StartAsync(client);
        var second = await StartAsync(client);
        var third = await StartAsync(client);

        Assert.Equal(HttpStatusCode.Created, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.Response.StatusCode);
        await AssertRefusedAsync(third.Response, "ConversationStartPerAddress");
    }

    [Fact]
    public async Task DirectLineActivities_FloodInOneConversation_Returns429_NotStored_WhileAnotherConversationGetsThrough()
    {
        var client = await _host.ReadyClientAsync();
        _host.RemoteAddress = IPAddress.Parse("203.0.113.9");
        var flooded = await StartAsync(client);
        var other = await StartAsync(client);

        Assert.Equal(HttpStatusCode.OK, (await PostActivityAsync(client, flooded, "what is ketamine therapy")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostActivityAsync(client, flooded, "how long is a session")).StatusCode);
        var refused = await PostActivityAsync(client, flooded, "flood message three");
        var elsewhere = await PostActivityAsync(client, other, "what is ketamine therapy");

        await AssertRefusedAsync(refused, "ActivitiesPerConversation");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        using var list = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{flooded.ConversationId}/activities");
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", flooded.Token);
        var activities = await client.SendAsync(list);
        Assert.Contains("how long is a session", await activities.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("flood message three", await activities.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_FloodInOneConversation_Returns429AndNoReply_WhileAnotherConversationGetsThrough()
    {
        var client = await _host.ReadyClientAsync();
        _host.RemoteAddress = IPAddress.Loopback; // without a MicrosoftAppId only this machine may post activities
        var conversation = "conv-" + Guid.NewGuid().ToString("N");

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", Message("what is ketamine therapy", expectReplies: true, conversationId: conversation))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", Message("how long is a session", expectReplies: true, conversationId: conversation))).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/messages", Message("what does it cost", expectReplies: true, conversationId: conversation));
        var elsewhere = await client.PostAsJsonAsync("/api/messages", Message("what does it cost", expectReplies: true, conversationId: "conv-" + Guid.NewGuid().ToString("N")));

        await AssertRefusedAsync(refused, "MessagesPerConversation");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.NotEmpty(await RepliesAsync(elsewhere));
    }

    [Fact]
    public async Task SignIn_FloodFromOneAddress_Returns429EvenWithTheRightPassword_WhileAnotherAddressSignsIn()
    {
        await _host.ReadyClientAsync();
        await _host.Services.GetRequiredService<StaffAccountService>().CreateAsync("limits@clinic.example", "Nurse Limit", Password, CancellationToken.None);
        _host.RemoteAddress = IPAddress.Parse("203.0.113.10");
        var attacker = _host.CreateClient();

        var first = await SignInAsync(attacker, "not the password");
        var second = await SignInAsync(attacker, "not the password either");
        var third = await SignInAsync(attacker, Password);
        _host.RemoteAddress = Visitor;
        var nurse = await SignInAsync(_host.CreateClient(), Password);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        await AssertRefusedAsync(third, "SignInPerAddress");
        Assert.Equal(HttpStatusCode.OK, nurse.StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string rule)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "Retry-After in seconds");
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(rule, (string?)problem!["rule"]);
        Assert.StartsWith("Too many", (string?)problem["detail"], StringComparison.Ordinal);
    }

    private static async Task<(HttpResponseMessage Response, string ConversationId, string Token)> StartAsync(HttpClient client)
    {
        var issued = await (await client.PostAsync("/api/webchat/token", null)).Content.ReadFromJsonAsync<JsonObject>();
        var token = (string)issued!["token"]!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.SendAsync(start), (string)issued["conversationId"]!, token);
    }

    private static Task<HttpResponseMessage> PostActivityAsync(HttpClient client, (HttpResponseMessage _, string ConversationId, string Token) conversation, string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/activities")
        {
            Content = JsonContent.Create(new { type = "message", text, from = new { id = "visitor" } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        return client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string password)
    {
        var token = (string)(await client.GetFromJsonAsync<JsonObject>("/api/staff/antiforgery"))!["token"]!;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/sign-in") { Content = JsonContent.Create(new { email = "limits@clinic.example", password }) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.SendAsync(request);
    }
}

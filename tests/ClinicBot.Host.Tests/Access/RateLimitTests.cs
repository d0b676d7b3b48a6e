using System.Net;
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
    private const string Email = "limits@clinic.example";
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

        var first = await DirectLineVisitor.StartAsync(client);
        var second = await DirectLineVisitor.StartAsync(client);
        var third = await DirectLineVisitor.StartAsync(client);

        Assert.Equal(HttpStatusCode.Created, first.Started.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.Started.StatusCode);
        await AssertRefusedAsync(third.Started, "ConversationStartPerAddress");
    }

    [Fact]
    public async Task DirectLineActivities_FloodInOneConversation_Returns429_NotStored_WhileAnotherConversationGetsThrough()
    {
        var client = await _host.ReadyClientAsync();
        _host.RemoteAddress = IPAddress.Parse("203.0.113.9");
        var flooded = await DirectLineVisitor.StartAsync(client);
        var other = await DirectLineVisitor.StartAsync(client);

        Assert.Equal(HttpStatusCode.OK, (await flooded.PostAsync(client, "what is ketamine therapy")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await flooded.PostAsync(client, "how long is a session")).StatusCode);
        var refused = await flooded.PostAsync(client, "flood message three");
        var elsewhere = await other.PostAsync(client, "what is ketamine therapy");

        await AssertRefusedAsync(refused, "ActivitiesPerConversation");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        var activities = await (await flooded.ActivitiesAsync(client)).Content.ReadAsStringAsync();
        Assert.Contains("how long is a session", activities, StringComparison.Ordinal);
        Assert.DoesNotContain("flood message three", activities, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectLineActivities_CrisisOverTheLimit_IsTakenAndStored()
    {
        var client = await _host.ReadyClientAsync();
        _host.RemoteAddress = IPAddress.Parse("203.0.113.10");
        var visitor = await DirectLineVisitor.StartAsync(client);
        const string Crisis = "sorry for all the questions. i took everything in the cabinet an hour ago and i feel really strange";

        Assert.Equal(HttpStatusCode.OK, (await visitor.PostAsync(client, "what is ketamine therapy")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.PostAsync(client, "how long is a session")).StatusCode);
        await AssertRefusedAsync(await visitor.PostAsync(client, "and is it covered by insurance"), "ActivitiesPerConversation");
        var crisis = await visitor.PostAsync(client, Crisis);

        Assert.Equal(HttpStatusCode.OK, crisis.StatusCode);
        var activities = await (await visitor.ActivitiesAsync(client)).Content.ReadAsStringAsync();
        Assert.Contains(Crisis, activities, StringComparison.Ordinal);
        Assert.Contains("988", activities, StringComparison.Ordinal);
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
        await _host.Services.GetRequiredService<StaffAccountService>().CreateAsync(Email, "Nurse Limit", Password, CancellationToken.None);
        _host.RemoteAddress = IPAddress.Parse("203.0.113.10");
        var attacker = _host.CreateClient();

        var first = await StaffSignIn.PostAsync(attacker, Email, "not the password");
        var second = await StaffSignIn.PostAsync(attacker, Email, "not the password either");
        var third = await StaffSignIn.PostAsync(attacker, Email, Password);
        _host.RemoteAddress = Visitor;
        var nurse = await StaffSignIn.PostAsync(_host.CreateClient(), Email, Password);

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
}

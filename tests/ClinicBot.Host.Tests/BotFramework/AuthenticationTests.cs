using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using ClinicBot.Host.Tests.Fixtures;
using Moq;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.BotFramework;

/// <summary>
/// Inbound channel tokens with MicrosoftAppId configured, validated against a local test issuer's OpenID metadata and
/// endorsed keys; outbound Connector tokens from the (mocked) Azure.Identity credential.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string AppId = "00000000-1111-2222-3333-444444444444";
    private readonly TestIssuer _issuer = new();
    private readonly FakeChannel _channel = new();
    private readonly HostFactory _host = new();
    private HttpClient _client = null!;

    public enum Forgery
    {
        WrongAudience,
        WrongIssuer,
        Expired,
        NotEndorsedForChannel,
        KeyWithoutEndorsements,
        ServiceUrlMismatch,
        NoServiceUrlClaim,
        Unsigned,
        Garbage,
        NotBearer,
    }

    public async Task InitializeAsync()
    {
        _host.Settings["MicrosoftAppId"] = AppId;
        _host.Settings["MicrosoftAppPassword"] = "not-a-real-secret";
        _host.Settings["BotFramework:OpenIdMetadataUrl"] = _issuer.MetadataUrl;
        _host.Settings["BotFramework:RequireHttpsMetadata"] = "false";
        // With authentication on, callers need not be local.
        _host.RemoteAddress = IPAddress.Parse("203.0.113.7");
        _client = await _host.ReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Messages_ValidChannelToken_AcceptedAndReplySentWithBotToken()
    {
        var response = await PostAsync(Message("What is ketamine therapy?", serviceUrl: _channel.BaseUrl), TestIssuer.Token(AppId, _channel.BaseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A cold first turn may also send typing; every call carries the bot token.
        Assert.All(_channel.Requests, r => Assert.Equal("Bearer bot-token", r.Authorization));
        var received = Assert.Single(_channel.Requests, r => (string?)r.Activity["type"] == "message");
        Assert.Equal("answer", (string?)ReplyEntity(received.Activity)["route"]);
    }

    [Fact]
    public async Task Messages_ExpiredWithinClockSkew_Accepted()
    {
        var token = TestIssuer.Token(AppId, _channel.BaseUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-2));

        var response = await PostAsync(Message("hello", serviceUrl: _channel.BaseUrl), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Messages_ExpectRepliesWithValidToken_ReturnsReplies()
    {
        var activity = Message("I want to end my life", serviceUrl: _channel.BaseUrl, expectReplies: true);

        var response = await PostAsync(activity, TestIssuer.Token(AppId, _channel.BaseUrl));

        var reply = Assert.Single(await RepliesAsync(response))!;
        Assert.Equal("crisis", (string?)ReplyEntity(reply)["route"]);
        Assert.Empty(_channel.Requests);
    }

    [Theory]
    [InlineData(Forgery.WrongAudience)]
    [InlineData(Forgery.WrongIssuer)]
    [InlineData(Forgery.Expired)]
    [InlineData(Forgery.NotEndorsedForChannel)]
    [InlineData(Forgery.KeyWithoutEndorsements)]
    [InlineData(Forgery.ServiceUrlMismatch)]
    [InlineData(Forgery.NoServiceUrlClaim)]
    [InlineData(Forgery.Unsigned)]
    [InlineData(Forgery.Garbage)]
    [InlineData(Forgery.NotBearer)]
    public async Task Messages_InvalidToken_Returns401AndNoReply(Forgery forgery)
    {
        var serviceUrl = _channel.BaseUrl;
        var header = forgery switch
        {
            Forgery.WrongAudience => Bearer(TestIssuer.Token("some-other-bot", serviceUrl)),
            Forgery.WrongIssuer => Bearer(TestIssuer.Token(AppId, serviceUrl, issuer: "https://evil.example.org")),
            Forgery.Expired => Bearer(TestIssuer.Token(AppId, serviceUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-6))),
            Forgery.NotEndorsedForChannel => Bearer(TestIssuer.Token(AppId, serviceUrl, keyId: TestIssuer.TeamsOnlyKey)),
            Forgery.KeyWithoutEndorsements => Bearer(TestIssuer.Token(AppId, serviceUrl, keyId: TestIssuer.BareKey)),
            Forgery.ServiceUrlMismatch => Bearer(TestIssuer.Token(AppId, "https://attacker.example.org/")),
            Forgery.NoServiceUrlClaim => Bearer(TestIssuer.Token(AppId, null)),
            Forgery.Unsigned => Bearer(TestIssuer.Token(AppId, serviceUrl, signed: false)),
            Forgery.Garbage => Bearer("not.a.jwt"),
            _ => new AuthenticationHeaderValue("Basic", TestIssuer.Token(AppId, serviceUrl)),
        };

        var response = await SendAsync(Message("What is ketamine?", serviceUrl: serviceUrl), header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task Messages_NoAuthorizationHeader_Returns401()
    {
        var response = await _client.PostAsJsonAsync("/api/messages", Message("hello", serviceUrl: _channel.BaseUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Messages_SeveralTurns_OutboundTokenAcquiredOnceForBotFrameworkScope()
    {
        for (var i = 0; i < 3; i++)
        {
            var response = await PostAsync(Message("hello", serviceUrl: _channel.BaseUrl), TestIssuer.Token(AppId, _channel.BaseUrl));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        _host.Credential.Verify(
            c => c.GetTokenAsync(It.Is<TokenRequestContext>(r => r.Scopes.Single() == "https://api.botframework.com/.default"), It.IsAny<CancellationToken>()),
            Times.Once);
        Assert.Equal(3, _channel.Activities("message").Count);
    }

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private Task<HttpResponseMessage> PostAsync(JsonObject activity, string token) => SendAsync(activity, Bearer(token));

    private Task<HttpResponseMessage> SendAsync(JsonObject activity, AuthenticationHeaderValue header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.Authorization = header;
        return _client.SendAsync(request);
    }
}

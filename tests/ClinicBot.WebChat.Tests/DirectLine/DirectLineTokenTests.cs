using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ClinicBot.WebChat.Tests.DirectLine;

/// <summary>Token rules and bad input on ClinicBot's Direct Line: refusals are 400/401/403 with a reason, never 500.</summary>
public sealed class DirectLineTokenTests : IAsyncLifetime
{
    private readonly WebChatHostFactory _factory = new();
    private HttpClient _client = null!;
    private string _conversationId = "";
    private string _token = "";

    public async Task InitializeAsync() => (_client, _conversationId, _token) = await _factory.StartConversationAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task GetActivities_OwnToken_Returns200WithWelcome()
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}/activities", _token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(set.GetProperty("activities").EnumerateArray(), a => a.GetProperty("from").GetProperty("role").GetString() == "bot");
    }

    [Fact]
    public async Task GetActivities_ExpiredToken_Returns403TokenExpired()
    {
        _factory.TokenClock.Advance(TimeSpan.FromMinutes(31));
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}/activities", _token);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenExpired", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Refresh_ExpiredToken_Returns403()
    {
        _factory.TokenClock.Advance(TimeSpan.FromMinutes(31));
        var response = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", _token);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Refresh_BeforeExpiry_ExtendsTheConversation()
    {
        _factory.TokenClock.Advance(TimeSpan.FromMinutes(20));
        var refreshed = await (await SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", _token)).Content.ReadFromJsonAsync<JsonElement>();
        _factory.TokenClock.Advance(TimeSpan.FromMinutes(20));
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}/activities", refreshed.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_AnotherVisitorsToken_Returns403()
    {
        var (_, _, otherToken) = await _factory.StartConversationAsync();
        var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities", otherToken, """{"type":"message","text":"hi"}""");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Forbidden", await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjb252IjoieCJ9.AAAA")]
    public async Task GetActivities_MissingOrForgedToken_Returns401(string? token)
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}/activities", token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_TamperedToken_Returns401()
    {
        var parts = _token.Split('.');
        var tampered = parts[0] + "." + parts[1] + "x." + parts[2];
        var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities", tampered, """{"type":"message","text":"hi"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"message\"")]
    [InlineData("{}")]
    [InlineData("""{"type":""}""")]
    [InlineData("""{"type":5}""")]
    [InlineData("""{"type":"message","text":{"a":1}}""")]
    [InlineData("""{"type":"message","text":"hi","entities":[1]}""")]
    [InlineData("""{"type":"message","text":"hi","attachments":{}}""")]
    [InlineData("""{"type":"message","text":"hi","locale":7}""")]
    [InlineData("""{"type":"message","type":"event"}""")]
    public async Task PostActivity_BadActivity_Returns400WithReason(string body)
    {
        var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities", _token, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal("BadArgument", problem.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task PostActivity_TooLarge_Returns413WithReason()
    {
        var body = JsonSerializer.Serialize(new { type = "message", text = new string('a', 300_000) });
        var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities", _token, body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PayloadTooLarge", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task PostActivity_EmojiCutInHalf_IsStillTriagedAsCrisis()
    {
        // What a browser's JSON.stringify sends for a message whose last emoji lost its second half.
        const string body = """{"type":"message","from":{"id":"dl_visitor"},"text":"i cant do this anymore i want to die \ud83d"}""";
        var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities", _token, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var set = await (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}/activities", _token)).Content.ReadFromJsonAsync<JsonElement>();
        var texts = set.GetProperty("activities").EnumerateArray().Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null).ToList();
        Assert.Contains("i cant do this anymore i want to die \ufffd", texts);
        Assert.Contains(texts, t => t is not null && t.Contains("988", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgedHostHeader_NeverReachesTheDomainStreamUrlOrCsp()
    {
        using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        issue.Headers.Host = "evil.example";
        var issued = await (await _client.SendAsync(issue)).Content.ReadFromJsonAsync<JsonElement>();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Host = "evil.example";
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("token").GetString());
        var started = await (await _client.SendAsync(start)).Content.ReadFromJsonAsync<JsonElement>();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Host = "evil.example";
        var csp = (await _client.SendAsync(page)).Headers.GetValues("Content-Security-Policy").Single();

        // The address the host is configured to listen on (appsettings: http://localhost:3978), whatever the header says.
        Assert.Equal("http://localhost:3978/v3/directline", issued.GetProperty("domain").GetString());
        Assert.StartsWith("ws://localhost:3978/v3/directline/conversations/", started.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", csp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("99999999999999999999999")]
    public async Task GetActivities_BadWatermark_Returns400(string watermark)
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}/activities?watermark={watermark}", _token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Stream_WithoutWebSocketUpgrade_Returns400()
    {
        var start = await (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}", _token)).Content.ReadFromJsonAsync<JsonElement>();
        var streamUrl = new Uri(start.GetProperty("streamUrl").GetString()!);
        var response = await _client.GetAsync(streamUrl.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Stream_ExpiredStreamToken_Returns403()
    {
        var start = await (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}", _token)).Content.ReadFromJsonAsync<JsonElement>();
        var streamUrl = new Uri(start.GetProperty("streamUrl").GetString()!);
        _factory.TokenClock.Advance(TimeSpan.FromMinutes(2));
        var response = await _client.GetAsync(streamUrl.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Start_ConversationTokenAgain_Returns200()
    {
        var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", _token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Start_BadBody_Returns400()
    {
        var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", _token, """{"locale":["en"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await _client.SendAsync(request);
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString();
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClinicBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ClinicBot.WebChat.Tests.DirectLine;

/// <summary>
/// The bot's activities in a Direct Line conversation reach it through the in-process reply sink: the welcome and the reply
/// are in the conversation, and the Connector client (whose every send is logged) never runs.
/// </summary>
public sealed class DirectLineReplySinkTests : IAsyncLifetime
{
    private const string ConnectorCategory = "ClinicBot.Channels.BotFramework.Connector.ConnectorClient";

    private readonly WebChatHostFactory _host = new();
    private readonly CapturingLoggerProvider _logs = new();
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        _factory = _host.WithWebHostBuilder(builder =>
        {
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:" + ConnectorCategory] = "Debug",
            }));
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Message_DirectLineConversation_ReplyArrivesWithoutAnyConnectorCall()
    {
        var (client, conversationId, token) = await WebChatHostFactory.StartConversationAsync(_factory);
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = JsonContent.Create(new { type = "message", text = "What are the side effects of ketamine therapy?", from = new { id = "visitor" } }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var posted = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var messageId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var activities = (await (await client.SendAsync(get)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities").EnumerateArray().ToList();

        var welcome = activities.First(a => a.GetProperty("type").GetString() == "message");
        Assert.Equal("bot", welcome.GetProperty("from").GetProperty("role").GetString());
        Assert.True(welcome.TryGetProperty("suggestedActions", out _), "the welcome lost its suggested questions");
        var reply = Assert.Single(activities, a => a.TryGetProperty("replyToId", out var r) && r.GetString() == messageId && a.GetProperty("type").GetString() == "message");
        Assert.Equal(messageId + ".reply", reply.GetProperty("id").GetString());
        Assert.Equal("clinicbot", reply.GetProperty("from").GetProperty("id").GetString());
        Assert.False(reply.TryGetProperty("serviceUrl", out _));
        Assert.Contains(reply.GetProperty("entities").EnumerateArray(), e => e.GetProperty("type").GetString() == "clinicbot/reply");
        Assert.True(activities.FindIndex(a => a.GetProperty("id").GetString() == messageId) < activities.IndexOf(reply), "the reply came before the message");
        Assert.DoesNotContain(_logs.Lines, line => line.StartsWith(ConnectorCategory, StringComparison.Ordinal));
    }
}

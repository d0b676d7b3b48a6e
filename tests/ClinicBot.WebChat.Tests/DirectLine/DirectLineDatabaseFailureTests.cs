using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ClinicBot.Staff.Queue;
using ClinicBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.WebChat.Tests.DirectLine;

/// <summary>
/// A crisis typed into Web Chat while the database refuses writes (another connection holds its write lock): the post is
/// taken (no 5xx), the open stream shows the crisis reply with 988 at once, and once writes succeed the conversation's
/// activities are in the store (a reload shows them) and the escalation is in the staff queue.
/// </summary>
public sealed class DirectLineDatabaseFailureTests : IAsyncLifetime
{
    private readonly WebChatHostFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task CrisisWhileDatabaseLocked_StreamShowsTheCrisisReply_ThenEverythingIsStored()
    {
        var (client, conversationId, token) = await _factory.StartConversationAsync();
        using var reconnect = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=-1");
        reconnect.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var streamUrl = (await (await client.SendAsync(reconnect)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
        using var socket = await _factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        await ReadUntilAsync(socket, a => Role(a) == "bot");

        const string text = "i just took the whole bottle of my sleeping pills and im starting to feel really weird";
        JsonElement reply;
        await using (await SqliteWriteLock.HoldAsync(_factory.DatabasePath))
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
            {
                Content = JsonContent.Create(new { type = "message", text, from = new { id = "visitor" } }),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(post)).StatusCode);
            reply = await ReadUntilAsync(socket, a => Role(a) == "bot" && a.GetProperty("type").GetString() == "message");
        }

        Assert.Contains("988", reply.GetProperty("text").GetString());
        Assert.Equal("crisis", reply.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "clinicbot/reply").GetProperty("route").GetString());

        // Written once the store takes writes again (the deferred work, every 5 s): a reload reads them.
        var stored = await EventuallyAsync(async () =>
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var set = await (await client.SendAsync(get)).Content.ReadFromJsonAsync<JsonElement>();
            var activities = set.GetProperty("activities").EnumerateArray().ToList();
            return activities.Any(a => a.TryGetProperty("text", out var t) && t.GetString() == text)
                && activities.Any(a => a.TryGetProperty("id", out var id) && id.GetString() == reply.GetProperty("id").GetString());
        });
        Assert.True(stored, "the visitor's message and the crisis reply were never written");

        var queue = _factory.Services.GetRequiredService<EscalationQueue>();
        var escalated = await EventuallyAsync(async () =>
            (await queue.ListAsync(new EscalationFilter(null, null, true), CancellationToken.None)).Any(e => e.ConversationId.EndsWith(conversationId, StringComparison.Ordinal) && e.Priority == "urgent"));
        Assert.True(escalated, "the urgent escalation never reached the staff queue");
    }

    private static string? Role(JsonElement activity) =>
        activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) ? role.GetString() : null;

    // Reads ActivitySet frames (an empty frame is a keep-alive) until an activity matches.
    private static async Task<JsonElement> ReadUntilAsync(WebSocket socket, Func<JsonElement, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (frame.Length == 0) continue;
            using var set = JsonDocument.Parse(Encoding.UTF8.GetString(frame.ToArray()));
            foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
            {
                if (match(activity)) return activity.Clone();
            }
        }
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(250);
        }

        return false;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicBot.Host.Tests.Fixtures;
using ClinicBot.Staff.Queue;
using ClinicBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.BotFramework;

/// <summary>
/// A crisis message on /api/messages while the database refuses writes: the crisis reply with its urgent escalation
/// summary at once, the escalation spooled and in the staff queue once writes succeed again; ordinary questions get
/// the safe fallback, never a 5xx.
/// </summary>
public sealed class MessagesDatabaseFailureTests : IAsyncDisposable
{
    private readonly HostFactory _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task CrisisMessage_DatabaseLocked_GetsTheCrisisReplyAndTheEscalationAfterwards()
    {
        var client = await _host.ReadyClientAsync();
        var conversation = "locked-" + Guid.NewGuid().ToString("N");
        JsonNode crisis, question;
        await using (await SqliteWriteLock.HoldAsync(Path.Combine(_host.DataDirectory, "clinicbot.db")))
        {
            crisis = await ReplyAsync(client, Message("my brother took a bunch of his oxy and now hes not waking up", expectReplies: true, conversationId: conversation));
            question = await ReplyAsync(client, Message("How long does an infusion take?", expectReplies: true, conversationId: "other-" + conversation));
        }

        Assert.Equal("crisis", (string?)ReplyEntity(crisis)["route"]);
        Assert.Contains("911", (string?)crisis["text"]);
        Assert.Equal("urgent", (string?)ReplyEntity(crisis)["escalation"]!["priority"]);
        Assert.Equal("fallback", (string?)ReplyEntity(question)["route"]);
        Assert.Contains("988", (string?)question["text"]);

        var queue = _host.Services.GetRequiredService<EscalationQueue>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<EscalationRecord> raised;
        do
        {
            raised = (await queue.ListAsync(new EscalationFilter(null, null, true), CancellationToken.None))
                .Where(e => e.ConversationId == "webchat:" + conversation).ToList();
            if (raised.Count == 0) await Task.Delay(250);
        }
        while (raised.Count == 0 && DateTime.UtcNow < deadline);
        Assert.Equal("urgent", Assert.Single(raised).Priority);
    }

    private static async Task<JsonNode> ReplyAsync(HttpClient client, JsonObject activity)
    {
        var response = await client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray().Single(a => (string?)a!["type"] == "message")!;
    }
}

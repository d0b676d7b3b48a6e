using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ClinicBot.Channels.Sms;
using ClinicBot.Sms.Tests.Fixtures;
using ClinicBot.Staff.Queue;
using ClinicBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Sms.Tests;

/// <summary>
/// A crisis text while the database refuses writes (another process holds its write lock): the patient still gets the
/// 988/911 reply in the webhook's TwiML, /readyz says 503, and the urgent escalation waits in the spool, reaching the
/// staff queue once the database takes writes again.
/// </summary>
public sealed class SmsDatabaseFailureTests : IDisposable
{
    private readonly SmsHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task CrisisText_DatabaseLocked_RepliesWith988AndTheEscalationReachesTheQueueAfterwards()
    {
        var client = await _host.ReadyClientAsync();
        var number = SmsHostFactory.NewNumber();

        HttpResponseMessage response;
        await using (await SqliteWriteLock.HoldAsync(_host.DatabasePath))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
            response = await client.SendAsync(SmsHostFactory.Webhook(number, "i swallowed my whole bottle of sleeping pills like 20 min ago"));
            Assert.Empty(await EscalationsAsync(number));
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = string.Concat(XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements("Message").Select(m => m.Value));
        Assert.Contains("988", reply, StringComparison.Ordinal);
        Assert.Contains("911", reply, StringComparison.Ordinal);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<EscalationRecord> escalations;
        while ((escalations = await EscalationsAsync(number)).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(250);
        var escalation = Assert.Single(escalations);
        Assert.Equal("urgent", escalation.Priority);

        var ready = await client.GetFromJsonAsync<JsonObject>("/readyz");
        Assert.Equal("ready", (string?)ready!["status"]);
        Assert.Equal(0, (int?)ready["spooled"]);
    }

    private async Task<List<EscalationRecord>> EscalationsAsync(string number)
    {
        var queue = _host.Services.GetRequiredService<EscalationQueue>();
        var all = await queue.ListAsync(new EscalationFilter(null, null, true), CancellationToken.None);
        var conversationId = "sms:" + _host.Services.GetRequiredService<PhoneProtector>().Hash(number)[..32];
        return all.Where(e => e.ConversationId == conversationId).ToList();
    }
}

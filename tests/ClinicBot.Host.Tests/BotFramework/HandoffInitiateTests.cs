using System.Net.Http.Json;
using ClinicBot.Host.Tests.Fixtures;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.BotFramework;

/// <summary>For clinics with an agent hub: an escalating turn also sends <c>handoff.initiate</c> with the transcript.</summary>
public sealed class HandoffInitiateTests : IAsyncLifetime
{
    private readonly HostFactory _host = new();

    public Task InitializeAsync()
    {
        _host.Settings["BotFramework:SendHandoffInitiate"] = "true";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Messages_CrisisWithHandoffEnabled_SendsHandoffInitiateWithTranscript()
    {
        var client = await _host.ReadyClientAsync();

        var response = await client.PostAsJsonAsync("/api/messages", Message("I want to kill myself", expectReplies: true));

        var activities = await RepliesAsync(response);
        var handoff = Assert.Single(activities, a => (string?)a!["name"] == "handoff.initiate")!;
        Assert.Equal("event", (string?)handoff["type"]);
        Assert.Equal("urgent", (string?)handoff["value"]!["priority"]);
        var attachment = handoff["attachments"]![0]!;
        Assert.Equal(("application/json", "Transcript"), ((string?)attachment["contentType"], (string?)attachment["name"]));
        var transcript = attachment["content"]!["activities"]!.AsArray();
        Assert.Equal("I want to kill myself", (string?)transcript[0]!["text"]);
        Assert.Contains("988", (string?)transcript[1]!["text"]);
    }

    [Fact]
    public async Task Messages_EducationWithHandoffEnabled_SendsNoHandoff()
    {
        var client = await _host.ReadyClientAsync();

        var response = await client.PostAsJsonAsync("/api/messages", Message("What are the side effects?", expectReplies: true));

        Assert.DoesNotContain(await RepliesAsync(response), a => (string?)a!["name"] == "handoff.initiate");
    }
}

using System.Net;
using System.Net.Http.Json;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Conversations.Turns;
using ClinicBot.Host.Tests.Fixtures;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.BotFramework;

/// <summary>Slow and failing turns: typing first, and never silence.</summary>
public sealed class TurnFailureTests : IAsyncLifetime
{
    private readonly FakeChannel _channel = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Fact]
    public async Task Messages_TurnThrows_SendsSafeFallbackReply()
    {
        await using var host = new HostFactory { WrapTurns = _ => new Failing() };
        var client = await host.ReadyClientAsync();

        var response = await client.PostAsJsonAsync("/api/messages", Message("What is ketamine?", serviceUrl: _channel.BaseUrl));
        var expectReplies = await client.PostAsJsonAsync("/api/messages", Message("What is ketamine?", expectReplies: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_channel.Activities("message"));
        Assert.Equal("fallback", (string?)ReplyEntity(reply)["route"]);
        Assert.Contains("988", (string?)reply["text"]);
        Assert.Equal("fallback", (string?)ReplyEntity(Assert.Single(await RepliesAsync(expectReplies))!)["route"]);
    }

    [Fact]
    public async Task Messages_SlowTurn_SendsTypingBeforeReply()
    {
        await using var host = new HostFactory { WrapTurns = inner => new Slow(inner, TimeSpan.FromMilliseconds(900)) };
        var client = await host.ReadyClientAsync();

        await client.PostAsJsonAsync("/api/messages", Message("What is ketamine?", serviceUrl: _channel.BaseUrl));

        var types = _channel.Requests.Select(r => (string?)r.Activity["type"]).ToList();
        Assert.True(types.Count >= 2, string.Join(",", types));
        Assert.Equal("message", types[^1]);
        Assert.All(types[..^1], t => Assert.Equal("typing", t));
    }

    [Fact]
    public async Task Messages_FastTurn_SendsNoTyping()
    {
        await using var host = new HostFactory();
        var client = await host.ReadyClientAsync();
        // The first turn warms the engine up and may legitimately take longer than the typing delay.
        await client.PostAsJsonAsync("/api/messages", Message("hello", expectReplies: true));

        await client.PostAsJsonAsync("/api/messages", Message("hello", serviceUrl: _channel.BaseUrl));

        Assert.Equal(["message"], _channel.Requests.Select(r => (string?)r.Activity["type"]));
    }

    private sealed class Failing : ITurnHandler
    {
        public Task<Reply> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the engine is down");
    }

    private sealed class Slow(ITurnHandler inner, TimeSpan delay) : ITurnHandler
    {
        public async Task<Reply> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            return await inner.HandleAsync(request, cancellationToken);
        }
    }
}

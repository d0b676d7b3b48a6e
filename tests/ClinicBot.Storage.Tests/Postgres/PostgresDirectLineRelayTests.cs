using System.Text.Json.Nodes;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Storage.Postgres;
using ClinicBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage.Tests.Postgres;

/// <summary>
/// Direct Line's new activities across hosts (LISTEN/NOTIFY behind <see cref="IDirectLineRelay"/>): an activity appended
/// through one host's transcript wakes the other host's open stream of that conversation, which finds it in the store;
/// the writing host's own stream is handed the activity once and not woken again by its own announcement; and an
/// announcement carries the conversation's id only.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDirectLineRelayTests(PostgresServer server)
    : StorageContract(new PostgresBackend(server, typeof(PostgresDirectLineRelayTests)))
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Append_OnHostA_WakesHostBsStreamOfTheConversation_AndAsStreamOnlyOnce()
    {
        var a = NewHost(configure: services => services.AddSingleton<DirectLineTranscript>());
        var b = NewHost(configure: services => services.AddSingleton<DirectLineTranscript>());
        using var stop = new CancellationTokenSource(Patience);
        foreach (var host in new[] { a, b })
        {
            var listener = host.GetRequiredService<PostgresDirectLineListener>();
            await listener.StartAsync(stop.Token);
            await listener.Listening.WaitAsync(stop.Token);
        }

        var transcriptA = a.GetRequiredService<DirectLineTranscript>();
        var transcriptB = b.GetRequiredService<DirectLineTranscript>();
        Assert.True(transcriptA.Shared);
        var conversation = NewId("dl");
        var other = NewId("dl");
        await transcriptA.Store.TryCreateConversationAsync(new DirectLineConversation(conversation, "visitor", "en-US", At), stop.Token);
        using var streamOnA = transcriptA.Subscribe(conversation);
        using var streamOnB = transcriptB.Subscribe(conversation);
        using var otherOnB = transcriptB.Subscribe(other);

        var id = await transcriptA.AppendAsync(conversation, new JsonObject { ["type"] = "message", ["text"] = "Hi, this is Joy from the clinic." }, stop.Token);

        await streamOnB.Reader.ReadAsync(stop.Token);
        var stored = Assert.Single(await transcriptB.Store.ListAsync(conversation, -1, 10, stop.Token));
        Assert.Contains(id, stored.Json, StringComparison.Ordinal);
        var onA = await streamOnA.Reader.ReadAsync(stop.Token);
        Assert.Equal(stored.Sequence, onA.Sequence);
        await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
        Assert.False(streamOnA.Reader.TryRead(out _), "host A's stream was woken by its own announcement");
        Assert.False(otherOnB.Reader.TryRead(out _), "a stream of another conversation was woken");
        foreach (var host in new[] { a, b }) await host.GetRequiredService<PostgresDirectLineListener>().StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Announce_CarriesTheConversationIdOnly_AndIgnoresPayloadsNotOurs()
    {
        var a = NewHost();
        var b = NewHost();
        using var stop = new CancellationTokenSource(Patience);
        var listener = b.GetRequiredService<PostgresDirectLineListener>();
        await listener.StartAsync(stop.Token);
        await listener.Listening.WaitAsync(stop.Token);
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        b.GetRequiredService<IDirectLineRelay>().Announced += id => heard.TrySetResult(id);
        var database = a.GetRequiredService<PostgresDatabase>();
        var conversation = NewId("dl");

        await database.ExecuteAsync("SELECT pg_notify(@channel, 'not json')", stop.Token, ("channel", PostgresDirectLineRelay.Channel));
        a.GetRequiredService<IDirectLineRelay>().Announce(conversation);

        Assert.Equal(conversation, await heard.Task.WaitAsync(stop.Token));
        await listener.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Listener_ConnectionDropped_ListensAgainAndRaisesResumed()
    {
        var host = NewHost();
        using var stop = new CancellationTokenSource(Patience + Patience);
        var listener = host.GetRequiredService<PostgresDirectLineListener>();
        await listener.StartAsync(stop.Token);
        await listener.Listening.WaitAsync(stop.Token);
        var resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var relay = host.GetRequiredService<IDirectLineRelay>();
        relay.Resumed += () => resumed.TrySetResult();
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        relay.Announced += id => heard.TrySetResult(id);
        var database = host.GetRequiredService<PostgresDatabase>();

        // The server ends the listening session, as a failover or an idle-connection reaper would.
        await database.ExecuteAsync(
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN {PostgresDirectLineRelay.Channel}' AND pid <> pg_backend_pid()",
            stop.Token);

        await resumed.Task.WaitAsync(stop.Token);
        var conversation = NewId("dl");
        await database.ExecuteAsync(
            "SELECT pg_notify(@channel, @payload)", stop.Token,
            ("channel", PostgresDirectLineRelay.Channel), ("payload", $$"""{"Origin":"{{Guid.NewGuid()}}","ConversationId":"{{conversation}}"}"""));
        Assert.Equal(conversation, await heard.Task.WaitAsync(stop.Token));
        await listener.StopAsync(CancellationToken.None);
    }
}

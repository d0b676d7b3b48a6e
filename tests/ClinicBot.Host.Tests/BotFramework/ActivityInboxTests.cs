using System.Net.Http.Json;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Conversations.Turns;
using ClinicBot.Host.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.BotFramework;

/// <summary>
/// The activity inbox on /api/messages: a message whose turn was cut short (here the host stops while the turn hangs;
/// tests/webchat/crash.test.mjs kills a real process) is run by the next host on the same database and answered
/// through the Connector; afterwards the channel's retry of it gets nothing, and its text is no longer kept.
/// </summary>
public sealed class ActivityInboxTests : IAsyncLifetime
{
    private readonly FakeChannel _channel = new();
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("clinicbot-inbox-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task TurnCutShort_NextHostAnswersIt_AndARetryGetsNoSecondReply()
    {
        const string text = "my husband had his infusion today and now his face is drooping on one side and he cant lift his arm";
        var activity = Message(text, serviceUrl: _channel.BaseUrl, conversationId: "inbox-" + Guid.NewGuid().ToString("N"));
        var hanging = new Hanging();
        var before = HostFactory.Reusing(_dataDirectory);
        before.WrapTurns = _ => hanging;
        await using (before)
        {
            var client = await before.ReadyClientAsync();
            _ = client.PostAsJsonAsync("/api/messages", activity);
            await hanging.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Empty(_channel.Activities("message"));
        // The patient's words are in the inbox, but not in clear: not in the database file nor its write-ahead log.
        foreach (var file in Directory.EnumerateFiles(_dataDirectory, "clinicbot.db*"))
        {
            Assert.DoesNotContain("drooping", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }

        await using var after = HostFactory.Reusing(_dataDirectory);
        var restarted = await after.ReadyClientAsync();
        var reply = await WaitForAsync(() => _channel.Activities("message").SingleOrDefault());
        Assert.Equal((string?)activity["id"], (string?)reply["replyToId"]);
        Assert.Equal("crisis", (string?)ReplyEntity(reply)["route"]);
        Assert.Contains("911", (string?)reply["text"]);

        var retry = await restarted.PostAsJsonAsync("/api/messages", activity);
        retry.EnsureSuccessStatusCode();
        Assert.Single(_channel.Activities("message"));

        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "clinicbot.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM bot_inbox WHERE finished_at IS NULL OR activity_protected IS NOT NULL";
        Assert.Equal(0L, (long)command.ExecuteScalar()!);
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found) return found;
            await Task.Delay(100);
        }

        throw new TimeoutException("The recovered reply never came.");
    }

    // A turn that never ends until the host stops: the process dies mid-turn, as far as the inbox can tell.
    private sealed class Hanging : ITurnHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<Reply> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException(cancellationToken);
        }
    }
}

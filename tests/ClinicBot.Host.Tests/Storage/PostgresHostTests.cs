using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicBot.Host.Tests.Fixtures;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Console;
using ClinicBot.Staff.Queue;
using ClinicBot.Storage.Postgres;
using ClinicBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.Storage;

/// <summary>
/// The real web host with <c>Storage:Provider</c> <c>postgres</c> on a real PostgreSQL server: two hosts on one database,
/// as two instances behind a load balancer. It becomes ready, a channel's retry of an activity one answered gets nothing
/// from the other, an escalation raised on one is in the other's queue and reaches its console's live stream, a staff
/// reply made on one reaches the Web Chat streaming from the other over its open WebSocket at once, and a staff account
/// disabled on one is signed out on the other at its next request.
/// </summary>
public sealed class PostgresHostTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task Messages_ActivityAnsweredOnOneHostRetriedOnTheOther_NotAnsweredAgain()
    {
        var database = server.CreateDatabase("hosts");
        await using var first = Host(database);
        await using var second = Host(database);
        var activity = Message("What are the side effects of ketamine therapy?", expectReplies: true, conversationId: "conv-" + Guid.NewGuid().ToString("N"));

        var answered = await (await first.ReadyClientAsync()).PostAsJsonAsync("/api/messages", activity);
        var retried = await (await second.ReadyClientAsync()).PostAsJsonAsync("/api/messages", activity);

        answered.EnsureSuccessStatusCode();
        retried.EnsureSuccessStatusCode();
        Assert.Equal("answer", (string?)ReplyEntity(Assert.Single(await RepliesAsync(answered))!)["route"]);
        Assert.Empty(await RepliesAsync(retried));
    }

    [Fact]
    public async Task Messages_SameActivityOnBothHostsAtOnce_AnsweredOnce_TheOtherHostSeesItInFlight()
    {
        const string text = "What are the side effects of ketamine therapy?";
        var database = server.CreateDatabase("hosts");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gates = new[] { new GatedTurns(text, release.Task), new GatedTurns(text, release.Task) };
        await using var first = Host(database);
        await using var second = Host(database);
        first.WrapTurns = gates[0].Wrap;
        second.WrapTurns = gates[1].Wrap;
        // A 2 s lease, renewed while the turn runs: held more than twice as long, the turn is still not taken over. (With a
        // 1 s lease, a renewal held up a little over 0.6 s on a loaded two-core machine would let the lease lapse.)
        first.Settings["Inbox:LeaseSeconds"] = "2";
        second.Settings["Inbox:LeaseSeconds"] = "2";
        var clients = new[] { await first.ReadyClientAsync(), await second.ReadyClientAsync() };
        var activity = Message(text, expectReplies: true, conversationId: "conv-" + Guid.NewGuid().ToString("N"));

        // A channel's retry reaching the other host while the first still runs the turn (here: both at once, the turn held).
        var posts = clients.Select(c => c.PostAsJsonAsync("/api/messages", activity)).ToArray();
        var entered = await Task.WhenAny(gates.Select(g => g.Entered.Task)).WaitAsync(TimeSpan.FromSeconds(30));
        var running = Array.FindIndex(gates, g => g.Entered.Task == entered);
        var other = await posts[1 - running].WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(5));
        var late = await clients[1 - running].PostAsJsonAsync("/api/messages", activity);
        release.SetResult();
        var answered = await posts[running].WaitAsync(TimeSpan.FromSeconds(60));

        answered.EnsureSuccessStatusCode();
        other.EnsureSuccessStatusCode();
        Assert.Equal("answer", (string?)ReplyEntity(Assert.Single(await RepliesAsync(answered))!)["route"]);
        Assert.Empty(await RepliesAsync(other));
        late.EnsureSuccessStatusCode();
        Assert.Empty(await RepliesAsync(late));
        Assert.False(gates[1 - running].Entered.Task.IsCompleted);
    }

    [Fact]
    public async Task Messages_CrisisOnOneHost_EscalationInTheOtherHostsQueueAndLiveOnItsConsole()
    {
        var database = server.CreateDatabase("hosts");
        await using var first = Host(database);
        await using var second = Host(database);
        var client = await first.ReadyClientAsync();
        await second.ReadyClientAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await second.Services.GetRequiredService<PostgresQueueEventListener>().Listening.WaitAsync(patience.Token);
        var live = FirstRaisedAsync(second.Services.GetRequiredService<QueueEvents>(), patience.Token);
        var conversation = "conv-" + Guid.NewGuid().ToString("N");

        var response = await client.PostAsJsonAsync("/api/messages", Message("I want to kill myself", expectReplies: true, conversationId: conversation));
        response.EnsureSuccessStatusCode();

        var queue = await second.Services.GetRequiredService<IEscalationStore>().ListAsync(new EscalationFilter(), default);
        var escalation = Assert.Single(queue, e => e.ConversationId.EndsWith(conversation, StringComparison.Ordinal));
        Assert.Equal("urgent", escalation.Priority);
        Assert.Equal(escalation.Id, (await live).EscalationId);
    }

    [Fact]
    public async Task DirectLine_StaffReplyOnHostB_ReachesTheWebChatStreamingFromHostA_AtOnce_EachActivityOnce()
    {
        const string Password = "correct horse battery staple";
        const string ReplyText = "Hi, this is Joy from the clinic, answering from the other host. How can I help?";
        var database = server.CreateDatabase("hosts");
        await using var first = Host(database);
        await using var second = Host(database);
        var patient = await first.ReadyClientAsync();
        var staff = await second.ReadyClientAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await first.Services.GetRequiredService<PostgresDirectLineListener>().Listening.WaitAsync(patience.Token);

        // The visitor's Web Chat on host A: a conversation and its WebSocket, open from the start (watermark -1).
        var visitor = await DirectLineVisitor.StartAsync(patient);
        var streamUrl = (string)(await visitor.Started.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!;
        using var socket = await first.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), patience.Token);
        var received = new List<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, (await visitor.PostAsync(patient, "Can I talk to a real person please?")).StatusCode);
        await ReadUntilAsync(socket, received, a => Role(a) == "bot" && a.GetProperty("type").GetString() == "message", patience.Token);

        // A staff member signed in on host B claims the escalation and replies.
        Assert.Null(await second.Services.GetRequiredService<StaffAccountService>().CreateAsync("joy@clinic.example", "Nurse Joy", Password, default));
        Assert.Equal(HttpStatusCode.OK, (await StaffSignIn.PostAsync(staff, "joy@clinic.example", Password)).StatusCode);
        var token = await StaffSignIn.TokenAsync(staff);
        var queue = await staff.GetFromJsonAsync<JsonArray>("/api/staff/escalations");
        var id = (string)queue!.Single(e => ((string?)e!["conversationId"])!.EndsWith(visitor.ConversationId, StringComparison.Ordinal))!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await StaffSignIn.PostAsync(staff, $"/api/staff/escalations/{id}/claim", new { }, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await StaffSignIn.PostAsync(staff, $"/api/staff/escalations/{id}/reply", new { text = ReplyText }, token)).StatusCode);

        // On A's open WebSocket within a couple of seconds: far sooner than any keep-alive (15 s), poll or reconnect.
        var clock = Stopwatch.StartNew();
        using (var soon = CancellationTokenSource.CreateLinkedTokenSource(patience.Token))
        {
            soon.CancelAfter(TimeSpan.FromSeconds(3));
            var reply = await ReadUntilAsync(socket, received, a => a.TryGetProperty("text", out var text) && text.GetString() == ReplyText, soon.Token);
            Assert.Equal("staff", reply.GetProperty("channelData").GetProperty("clinicbot").GetProperty("from").GetString());
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the reply took {clock.Elapsed}");

        // Every activity of the conversation (the bot's on A, the join notice and the reply from B) came over the socket
        // once, in the store's order: none skipped, none twice.
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{visitor.ConversationId}/activities");
        get.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", visitor.Token);
        var stored = (await (await patient.SendAsync(get, patience.Token)).Content.ReadFromJsonAsync<JsonElement>(patience.Token))
            .GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        var last = stored[^1];
        if (!received.Any(a => a.GetProperty("id").GetString() == last)) await ReadUntilAsync(socket, received, a => a.GetProperty("id").GetString() == last, patience.Token);
        Assert.Equal(stored, received.Select(a => a.GetProperty("id").GetString()!).ToList());
    }

    [Fact]
    public async Task StaffSession_AccountDisabledOnOneHost_EndsAtOnceOnTheOther_AndFailuresCountOnBoth()
    {
        const string Password = "correct horse battery staple";
        var database = server.CreateDatabase("hosts");
        await using var first = Host(database);
        await using var second = Host(database);
        var client = await first.ReadyClientAsync();
        await second.ReadyClientAsync();
        var accounts = second.Services.GetRequiredService<StaffAccountService>();
        Assert.Null(await accounts.CreateAsync("joy@clinic.example", "Nurse Joy", Password, default));
        Assert.Null(await accounts.CreateAsync("ana@clinic.example", "Ana", Password, default));

        Assert.Equal(HttpStatusCode.OK, (await StaffSignIn.PostAsync(client, "joy@clinic.example", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/staff/me")).StatusCode);
        Assert.Null(await accounts.DisableAsync("joy@clinic.example", default));
        var afterDisable = await client.GetAsync("/api/staff/me");
        for (var i = 0; i < 5; i++) await StaffSignIn.PostAsync(first.CreateClient(), "ana@clinic.example", "not the password " + i);
        var onTheOther = await StaffSignIn.PostAsync(second.CreateClient(), "ana@clinic.example", Password);

        Assert.Equal(HttpStatusCode.Unauthorized, afterDisable.StatusCode);
        Assert.Equal((HttpStatusCode)429, onTheOther.StatusCode);
    }

    [Fact]
    public void Start_PostgresWithoutTokenSigningKey_FailsNamingTheSetting()
    {
        using var host = Host(server.CreateDatabase("nokey"));
        host.Settings.Remove("WebChat:TokenSigningKey");

        var failure = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("WebChat:TokenSigningKey", failure.Message);
    }

    [Fact]
    public void Start_PostgresWithoutDataKey_FailsNamingTheSettingInDevelopmentToo()
    {
        using var host = Host(server.CreateDatabase("nodatakey"));
        host.Settings.Remove("Privacy:DataKey");

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Privacy:DataKey is required with Storage:Provider postgres", failure.ToString(), StringComparison.Ordinal);
    }

    private static string? Role(JsonElement activity) =>
        activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) ? role.GetString() : null;

    // Reads ActivitySet frames (an empty frame is a keep-alive) into received until an activity matches.
    private static async Task<JsonElement> ReadUntilAsync(WebSocket socket, List<JsonElement> received, Func<JsonElement, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            JsonElement? found = null;
            foreach (var activity in await ActivitySetFrames.NextAsync(socket, cancellationToken))
            {
                received.Add(activity);
                if (found is null && match(activity)) found = activity;
            }

            if (found is { } hit) return hit;
        }
    }

    private static async Task<QueueEvent> FirstRaisedAsync(QueueEvents events, CancellationToken cancellationToken)
    {
        await foreach (var queueEvent in events.SubscribeAsync(cancellationToken))
        {
            if (queueEvent.Kind == "raised") return queueEvent;
        }

        throw new InvalidOperationException("The subscription ended without a raised escalation.");
    }

    // Holds the turns of one text until released (every other turn runs at once), and tells when one has started.
    private sealed class GatedTurns(string text, Task release)
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ClinicBot.Channels.BotFramework.Turns.ITurnHandler Wrap(ClinicBot.Channels.BotFramework.Turns.ITurnHandler inner) => new Handler(this, inner);

        private sealed class Handler(GatedTurns gate, ClinicBot.Channels.BotFramework.Turns.ITurnHandler inner) : ClinicBot.Channels.BotFramework.Turns.ITurnHandler
        {
            public async Task<ClinicBot.Conversations.Turns.Reply> HandleAsync(ClinicBot.Conversations.Turns.TurnRequest request, CancellationToken cancellationToken)
            {
                if (request.Text == gate._text)
                {
                    gate.Entered.TrySetResult();
                    await gate._release.WaitAsync(cancellationToken);
                }

                return await inner.HandleAsync(request, cancellationToken);
            }

            public ClinicBot.Conversations.Turns.TurnRequest Identify(ClinicBot.Conversations.Turns.TurnRequest request) => inner.Identify(request);

            public string? RefusalReason(ClinicBot.Conversations.Turns.TurnRequest request) => inner.RefusalReason(request);
        }

        private readonly string _text = text;
        private readonly Task _release = release;
    }

    private static HostFactory Host(string connectionString)
    {
        var host = new HostFactory();
        host.Settings["Storage:Provider"] = "postgres";
        host.Settings["ConnectionStrings:ClinicBot"] = connectionString;
        host.Settings["WebChat:TokenSigningKey"] = SigningKey;
        host.Settings["Privacy:DataKey"] = SigningKey;
        host.Settings["Warmup:Turns"] = "false";
        return host;
    }
}

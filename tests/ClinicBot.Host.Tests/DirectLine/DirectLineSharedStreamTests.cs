using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Host.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClinicBot.Host.Tests.DirectLine;

/// <summary>
/// An open Direct Line stream when other instances write to the same conversations (a relay is registered): another
/// host's activity stored just before one of this host's, its announcement arriving only after this host's activity was
/// handed to the stream, is still sent, first, and nothing is sent twice; an activity shown while the store refused it is
/// not sent again once written and read back; this host's writes are announced. Over a real WebSocket on a loopback TCP
/// connection.
/// </summary>
public sealed class DirectLineSharedStreamTests
{
    [Fact]
    public async Task Stream_OtherHostsActivityAnnouncedLate_SentBeforeOursAndEachOnce()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var store = new InMemoryDirectLineStore();
        var relay = new RecordingRelay();
        var transcript = new DirectLineTranscript(store, TimeProvider.System, [relay]);
        var options = Options.Create(new WebChatOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        var stream = new DirectLineStream(transcript, options, NullLogger<DirectLineStream>.Instance);
        const string Conversation = "conv-shared";
        await store.TryCreateConversationAsync(new DirectLineConversation(Conversation, "visitor", "en-US", DateTimeOffset.UtcNow), patience.Token);
        var (server, client) = await ConnectAsync();
        using (server)
        using (client)
        {
            var running = stream.RunAsync(server, Conversation, -1, patience.Token);

            // Host B stores its reply (not through this host's transcript); its announcement is still on the way when
            // this host appends its own activity and hands it to the stream.
            await store.AppendAsync(Conversation, "from-b", "message", """{"type":"message","id":"from-b","text":"from host B"}""", DateTimeOffset.UtcNow, patience.Token);
            var ours = await transcript.AppendAsync(Conversation, new JsonObject { ["type"] = "typing" }, patience.Token);
            var sent = await ReadActivitiesAsync(client, patience.Token);
            relay.Raise(Conversation);

            // Everything else the socket carries until it has been quiet for a second.
            try
            {
                while (true)
                {
                    using var quiet = CancellationTokenSource.CreateLinkedTokenSource(patience.Token);
                    quiet.CancelAfter(TimeSpan.FromSeconds(1));
                    sent.AddRange(await ReadActivitiesAsync(client, quiet.Token));
                }
            }
            catch (OperationCanceledException) when (!patience.IsCancellationRequested)
            {
                // Nothing else came.
            }

            Assert.Equal(["from-b", ours], sent);
            Assert.Equal([Conversation], relay.Announcements);
            await patience.CancelAsync();
            await running;
        }
    }

    [Fact]
    public async Task Stream_AnnouncementMissedWhileTheListenerWasDown_SentOnceTheRelayListensAgain()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var store = new InMemoryDirectLineStore();
        var relay = new RecordingRelay();
        var transcript = new DirectLineTranscript(store, TimeProvider.System, [relay]);
        var stream = new DirectLineStream(transcript, Options.Create(new WebChatOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) }), NullLogger<DirectLineStream>.Instance);
        const string Conversation = "conv-missed";
        await store.TryCreateConversationAsync(new DirectLineConversation(Conversation, "visitor", "en-US", DateTimeOffset.UtcNow), patience.Token);
        var (server, client) = await ConnectAsync();
        using (server)
        using (client)
        {
            var running = stream.RunAsync(server, Conversation, -1, patience.Token);
            var ours = await transcript.AppendAsync(Conversation, new JsonObject { ["type"] = "typing" }, patience.Token);
            Assert.Equal([ours], await ReadActivitiesAsync(client, patience.Token));

            // Host B's staff reply is stored while this host's listening connection is down: its announcement is lost.
            await store.AppendAsync(Conversation, "from-b", "message", """{"type":"message","id":"from-b","text":"Hi, this is Sam from the clinic."}""", DateTimeOffset.UtcNow, patience.Token);
            relay.RaiseResumed();

            Assert.Equal(["from-b"], await ReadActivitiesAsync(client, patience.Token));
            await patience.CancelAsync();
            await running;
        }
    }

    [Fact]
    public async Task Stream_ActivityShownWhileTheStoreRefused_NotSentAgainWhenAnnouncedFromTheStore()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var store = new RefusingStore(new InMemoryDirectLineStore());
        var relay = new RecordingRelay();
        var transcript = new DirectLineTranscript(store, TimeProvider.System, [relay]);
        var stream = new DirectLineStream(transcript, Options.Create(new WebChatOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) }), NullLogger<DirectLineStream>.Instance);
        const string Conversation = "conv-refused";
        await store.TryCreateConversationAsync(new DirectLineConversation(Conversation, "visitor", "en-US", DateTimeOffset.UtcNow), patience.Token);
        var (server, client) = await ConnectAsync();
        using (server)
        using (client)
        {
            var running = stream.RunAsync(server, Conversation, -1, patience.Token);

            store.Refusing = true;
            var shown = await transcript.AppendAsync(Conversation, new JsonObject { ["type"] = "message", ["text"] = "Call 988 now." }, patience.Token);
            var sent = await ReadActivitiesAsync(client, patience.Token);
            store.Refusing = false;
            Assert.Equal(0, await transcript.WriteUnwrittenAsync(patience.Token));
            relay.Raise(Conversation);
            var next = await transcript.AppendAsync(Conversation, new JsonObject { ["type"] = "typing" }, patience.Token);
            sent.AddRange(await ReadActivitiesAsync(client, patience.Token));

            Assert.Equal([shown, next], sent);
            Assert.Equal([Conversation, Conversation], relay.Announcements);
            await patience.CancelAsync();
            await running;
        }
    }

    // Every activity id of the next non-empty ActivitySet frame.
    private static async Task<List<string>> ReadActivitiesAsync(WebSocket socket, CancellationToken cancellationToken) =>
        (await ActivitySetFrames.NextAsync(socket, cancellationToken)).Select(a => a.GetProperty("id").GetString()!).ToList();

    private static async Task<(WebSocket Server, WebSocket Client)> ConnectAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var connecting = new TcpClient();
            var accepting = listener.AcceptTcpClientAsync();
            await connecting.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            var accepted = await accepting;
            return (WebSocket.CreateFromStream(accepted.GetStream(), isServer: true, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan),
                WebSocket.CreateFromStream(connecting.GetStream(), isServer: false, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan));
        }
        finally
        {
            listener.Stop();
        }
    }

    // Refuses writes while Refusing, as a database that is locked or read-only.
    private sealed class RefusingStore(IDirectLineStore inner) : IDirectLineStore
    {
        public volatile bool Refusing;

        public Task<bool> TryCreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken) =>
            inner.TryCreateConversationAsync(conversation, cancellationToken);

        public Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
            inner.FindConversationAsync(conversationId, cancellationToken);

        public Task<long> AppendAsync(string conversationId, string activityId, string type, string json, DateTimeOffset at, CancellationToken cancellationToken) =>
            Refusing ? throw new IOException("The database refuses writes.") : inner.AppendAsync(conversationId, activityId, type, json, at, cancellationToken);

        public Task<IReadOnlyList<StoredActivity>> ListAsync(string conversationId, long after, int limit, CancellationToken cancellationToken) =>
            inner.ListAsync(conversationId, after, limit, cancellationToken);

        public Task<long> LatestAsync(string conversationId, CancellationToken cancellationToken) => inner.LatestAsync(conversationId, cancellationToken);

        public Task<bool> ContainsAsync(string activityId, CancellationToken cancellationToken) => inner.ContainsAsync(activityId, cancellationToken);
    }

    private sealed class RecordingRelay : IDirectLineRelay
    {
        public event Action<string>? Announced;

        public event Action? Resumed;

        public List<string> Announcements { get; } = [];

        void IDirectLineRelay.Announce(string conversationId)
        {
            lock (Announcements) Announcements.Add(conversationId);
        }

        public void Raise(string conversationId) => Announced?.Invoke(conversationId);

        public void RaiseResumed() => Resumed?.Invoke();
    }
}

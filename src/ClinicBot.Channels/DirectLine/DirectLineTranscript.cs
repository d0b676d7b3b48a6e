using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Records activities into a conversation (id, timestamp, conversation) and pushes each to the conversation's open streams.
/// Appends are serialised, so streams see activities in watermark order. When the store refuses a write (the database
/// locked, read-only, full), the activity is still pushed to the open streams, so a visitor in the middle of a crisis
/// sees the bot's reply, and it is written, in order, once the store takes writes again (<see cref="WriteUnwrittenAsync"/>).
/// With several instances on one database (<see cref="IDirectLineRelay"/>), every activity written is announced to the
/// others, and an announcement from another instance wakes this instance's streams of that conversation, which then
/// read what is new from the store.
/// </summary>
public sealed class DirectLineTranscript
{
    /// <summary>
    /// What a stream's feed carries when the store has new activities the stream was not handed (another instance wrote
    /// them): read the store after the watermark.
    /// </summary>
    internal static readonly StoredActivity Woken = new(StoredActivity.Unwritten + 1, "", "");

    private readonly IDirectLineStore _store;
    private readonly TimeProvider _time;
    private readonly IDirectLineRelay[] _relays;
    private readonly SemaphoreSlim _append = new(1, 1);
    private readonly ConcurrentDictionary<string, ImmutableList<Channel<StoredActivity>>> _streams = new(StringComparer.Ordinal);

    /// <summary>A transcript over the store; the relays (none with SQLite) carry announcements to and from the other instances.</summary>
    public DirectLineTranscript(IDirectLineStore store, TimeProvider time, IEnumerable<IDirectLineRelay>? relays = null)
    {
        _store = store;
        _time = time;
        _relays = relays?.ToArray() ?? [];
        foreach (var relay in _relays)
        {
            relay.Announced += Wake;
            relay.Resumed += WakeAll;
        }
    }

    // After a refusal, appends skip the store this long (each refused write waits out the database's busy timeout, and
    // a crisis reply should not wait for several); the deferred work writes them meanwhile.
    private static readonly TimeSpan RefusalPause = TimeSpan.FromSeconds(5);

    // Activities the store refused, oldest first (guarded by _append); nothing newer is written before them.
    private readonly List<Unwritten> _unwritten = [];
    private DateTimeOffset _refusedUntil = DateTimeOffset.MinValue;

    /// <summary>The store behind the transcript.</summary>
    public IDirectLineStore Store => _store;

    /// <summary>
    /// Whether other instances append to the same conversations (a relay is registered). An open stream then takes its
    /// new activities from the store, in the store's order, rather than as this instance hands them over: an activity
    /// another instance wrote just before one of ours may be announced after ours arrives, and must not be stepped over.
    /// </summary>
    public bool Shared => _relays.Length > 0;

    /// <summary>A new activity id in a conversation.</summary>
    public static string NewActivityId(string conversationId) => conversationId + "|" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>Stamps, stores and publishes an activity; returns its id.</summary>
    public Task<string> AppendAsync(string conversationId, JsonObject activity, CancellationToken cancellationToken) =>
        AppendAsync(conversationId, NewActivityId(conversationId), activity, cancellationToken);

    /// <summary>Stamps, stores and publishes an activity under an id chosen before (<see cref="NewActivityId"/>); returns the id.</summary>
    public async Task<string> AppendAsync(string conversationId, string id, JsonObject activity, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        activity["id"] = id;
        activity["timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        var type = activity["type"]?.GetValue<string>() ?? "";
        var json = activity.ToJsonString();

        await _append.WaitAsync(cancellationToken);
        try
        {
            var entry = new Unwritten(conversationId, id, type, json, now);
            var paused = _unwritten.Count > 0 && _time.GetUtcNow() < _refusedUntil;
            var sequence = paused ? null : await TryWriteAsync(entry, cancellationToken);
            if (sequence is null) _unwritten.Add(entry);
            var stored = new StoredActivity(sequence ?? StoredActivity.Unwritten, type, json);
            if (_streams.TryGetValue(conversationId, out var streams))
            {
                foreach (var stream in streams) stream.Writer.TryWrite(stored);
            }

            if (sequence is not null) Announce(conversationId);
        }
        finally
        {
            _append.Release();
        }

        return id;
    }

    /// <summary>
    /// Wakes this instance's open streams of the conversation to read the store after their watermarks: another instance
    /// announced new activities in it (<see cref="IDirectLineRelay.Announced"/>).
    /// </summary>
    public void Wake(string conversationId)
    {
        if (!_streams.TryGetValue(conversationId, out var streams)) return;
        foreach (var stream in streams) stream.Writer.TryWrite(Woken);
    }

    /// <summary>Wakes every open stream of this instance to read the store: announcements may have been missed (<see cref="IDirectLineRelay.Resumed"/>).</summary>
    public void WakeAll()
    {
        foreach (var conversationId in _streams.Keys) Wake(conversationId);
    }

    private void Announce(string conversationId)
    {
        foreach (var relay in _relays) relay.Announce(conversationId);
    }

    /// <summary>Writes the activities the store refused earlier, oldest first; returns how many are still waiting.</summary>
    public async Task<int> WriteUnwrittenAsync(CancellationToken cancellationToken)
    {
        await _append.WaitAsync(cancellationToken);
        try
        {
            await WriteOlderAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Still refused: they wait for the next round.
        }
        finally
        {
            _append.Release();
        }

        return _unwritten.Count;
    }

    // Under _append: the older refused activities, then this one; null (and a pause) when the store refuses.
    private async Task<long?> TryWriteAsync(Unwritten activity, CancellationToken cancellationToken)
    {
        try
        {
            await WriteOlderAsync(cancellationToken);
            return await _store.AppendAsync(activity.ConversationId, activity.Id, activity.Type, activity.Json, activity.At, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _refusedUntil = _time.GetUtcNow() + RefusalPause;
            return null;
        }
    }

    // Under _append. This instance's open streams already showed them, so they are not pushed again; a client reading
    // later (a reconnect, polling) finds them in the store.
    private async Task WriteOlderAsync(CancellationToken cancellationToken)
    {
        while (_unwritten.Count > 0)
        {
            var (conversationId, id, type, json, at) = _unwritten[0];
            await _store.AppendAsync(conversationId, id, type, json, at, cancellationToken);
            _unwritten.RemoveAt(0);
            // The other instances' streams have not seen it.
            Announce(conversationId);
        }
    }

    /// <summary>Receives every activity appended from now on, until the subscription is disposed.</summary>
    public Subscription Subscribe(string conversationId)
    {
        var channel = Channel.CreateUnbounded<StoredActivity>(new UnboundedChannelOptions { SingleReader = true });
        _streams.AddOrUpdate(conversationId, _ => [channel], (_, list) => list.Add(channel));
        return new Subscription(channel.Reader, () =>
        {
            channel.Writer.TryComplete();
            while (_streams.TryGetValue(conversationId, out var list))
            {
                var rest = list.Remove(channel);
                if (rest.IsEmpty ? _streams.TryRemove(new KeyValuePair<string, ImmutableList<Channel<StoredActivity>>>(conversationId, list)) : _streams.TryUpdate(conversationId, rest, list)) break;
            }
        });
    }

    /// <summary>An ActivitySet as Direct Line sends it: <c>{"activities":[...],"watermark":"n"}</c>.</summary>
    public static string ActivitySet(IEnumerable<StoredActivity> activities, long watermark) =>
        "{\"activities\":[" + string.Join(",", activities.Select(a => a.Json)) + "],\"watermark\":\"" + watermark.ToString(CultureInfo.InvariantCulture) + "\"}";

    private sealed record Unwritten(string ConversationId, string Id, string Type, string Json, DateTimeOffset At);

    /// <summary>An open stream's feed of new activities.</summary>
    public sealed class Subscription(ChannelReader<StoredActivity> reader, Action unsubscribe) : IDisposable
    {
        /// <summary>Activities appended since the subscription began.</summary>
        public ChannelReader<StoredActivity> Reader => reader;

        /// <inheritdoc />
        public void Dispose() => unsubscribe();
    }
}

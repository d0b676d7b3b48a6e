using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Records activities into a conversation (id, timestamp, conversation) and pushes each to the conversation's open streams.
/// Appends are serialised, so streams see activities in watermark order.
/// </summary>
public sealed class DirectLineTranscript(IDirectLineStore store, TimeProvider time)
{
    private readonly SemaphoreSlim _append = new(1, 1);
    private readonly ConcurrentDictionary<string, ImmutableList<Channel<StoredActivity>>> _streams = new(StringComparer.Ordinal);

    /// <summary>The store behind the transcript.</summary>
    public IDirectLineStore Store => store;

    /// <summary>Stamps, stores and publishes an activity; returns its id.</summary>
    public async Task<string> AppendAsync(string conversationId, JsonObject activity, CancellationToken cancellationToken)
    {
        var id = conversationId + "|" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var now = time.GetUtcNow();
        activity["id"] = id;
        activity["timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        var type = activity["type"]?.GetValue<string>() ?? "";
        var json = activity.ToJsonString();

        await _append.WaitAsync(cancellationToken);
        try
        {
            var sequence = await store.AppendAsync(conversationId, id, type, json, now, cancellationToken);
            var stored = new StoredActivity(sequence, type, json);
            if (_streams.TryGetValue(conversationId, out var streams))
            {
                foreach (var stream in streams) stream.Writer.TryWrite(stored);
            }
        }
        finally
        {
            _append.Release();
        }

        return id;
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

    /// <summary>An open stream's feed of new activities.</summary>
    public sealed class Subscription(ChannelReader<StoredActivity> reader, Action unsubscribe) : IDisposable
    {
        /// <summary>Activities appended since the subscription began.</summary>
        public ChannelReader<StoredActivity> Reader => reader;

        /// <inheritdoc />
        public void Dispose() => unsubscribe();
    }
}

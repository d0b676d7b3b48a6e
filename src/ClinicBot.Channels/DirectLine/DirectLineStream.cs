using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// One open WebSocket: first the activities after the streamUrl's watermark, then every new one as an ActivitySet text frame,
/// with an empty frame as a keep-alive when idle. The socket is receive-only; the client's frames (pings) are read and ignored.
/// With other instances on the same database (<see cref="DirectLineTranscript.Shared"/>) new activities are read from the
/// store after the stream's watermark whenever one is appended here or another instance announces one, so every activity is
/// sent once, in the store's order, whichever host wrote it.
/// </summary>
internal sealed class DirectLineStream(DirectLineTranscript transcript, IOptions<WebChatOptions> options, ILogger<DirectLineStream> logger)
{
    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        DirectLineLog.StreamOpened(logger, conversationId);
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Subscribe before reading the backlog, so nothing appended in between is missed; duplicates are skipped by sequence.
        using var subscription = transcript.Subscribe(conversationId);
        var receiving = ReceiveAsync(socket, closed);
        try
        {
            var sent = watermark;
            // Activities shown before the store took them (it refused the write): found in the store later, not sent again.
            var shownUnwritten = new HashSet<string>(StringComparer.Ordinal);
            sent = await CatchUpAsync(socket, conversationId, sent, shownUnwritten, closed.Token);
            var behind = false;

            while (!closed.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(closed.Token);
                idle.CancelAfter(options.Value.KeepAliveInterval);
                bool ready;
                try
                {
                    ready = await subscription.Reader.WaitToReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!closed.IsCancellationRequested)
                {
                    if (behind) (sent, behind) = await TryCatchUpAsync(socket, conversationId, sent, shownUnwritten, closed.Token);
                    await SendAsync(socket, "", closed.Token);
                    continue;
                }

                if (!ready) break;
                var batch = new List<StoredActivity>();
                var readStore = false;
                while (subscription.Reader.TryRead(out var activity))
                {
                    if (ReferenceEquals(activity, DirectLineTranscript.Woken))
                    {
                        // Another instance wrote to the conversation: what is new is in the store.
                        readStore = true;
                    }
                    else if (activity.IsUnwritten)
                    {
                        // One the store has not taken yet is shown now; it moves no watermark (a reconnect reads it from the store).
                        batch.Add(activity);
                    }
                    else if (activity.Sequence > sent)
                    {
                        // With other instances writing too, the store may hold one of theirs before this one (its
                        // announcement still on the way): read the store after the watermark, in its order.
                        if (transcript.Shared) readStore = true;
                        else batch.Add(activity);
                    }
                }

                if (readStore || behind)
                {
                    (sent, behind) = await TryCatchUpAsync(socket, conversationId, sent, shownUnwritten, closed.Token);
                    batch.RemoveAll(a => !a.IsUnwritten && a.Sequence <= sent);
                }

                if (batch.Count == 0) continue;
                sent = Math.Max(sent, batch.Max(a => a.Sequence));
                foreach (var activity in batch.Where(a => a.IsUnwritten && transcript.Shared)) shownUnwritten.Add(activity.Json);
                await SendAsync(socket, DirectLineTranscript.ActivitySet(batch, sent), closed.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The visitor left or the host is stopping.
        }
        finally
        {
            await closed.CancelAsync();
            await receiving;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "closing", timeout.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
                {
                    // Already gone.
                }
            }

            DirectLineLog.StreamClosed(logger, conversationId);
        }
    }

    // Sends every activity in the store after the watermark (but those already shown unwritten); returns the new watermark.
    private async Task<long> CatchUpAsync(WebSocket socket, string conversationId, long sent, HashSet<string> shownUnwritten, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxActivitiesPerGet;
        while (true)
        {
            var page = await transcript.Store.ListAsync(conversationId, sent, limit, cancellationToken);
            if (page.Count == 0) return sent;
            sent = page[^1].Sequence;
            var fresh = shownUnwritten.Count == 0 ? page : page.Where(a => !shownUnwritten.Remove(a.Json)).ToList();
            if (fresh.Count > 0) await SendAsync(socket, DirectLineTranscript.ActivitySet(fresh, sent), cancellationToken);
            if (page.Count < limit) return sent;
        }
    }

    // A store that cannot be read now leaves the stream behind; it tries again at the next activity or keep-alive.
    private async Task<(long Sent, bool Behind)> TryCatchUpAsync(
        WebSocket socket, string conversationId, long sent, HashSet<string> shownUnwritten, CancellationToken cancellationToken)
    {
        try
        {
            return (await CatchUpAsync(socket, conversationId, sent, shownUnwritten, cancellationToken), false);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or WebSocketException))
        {
            DirectLineLog.StreamBehind(logger, conversationId, ex);
            return (sent, true);
        }
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    // Reads until the client closes; pings ("") and anything else are ignored. Closing ends the stream.
    private static async Task ReceiveAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[4096];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Gone.
        }
        finally
        {
            await closed.CancelAsync();
        }
    }
}

using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// One open WebSocket: first the activities after the streamUrl's watermark, then every new one as an ActivitySet text frame,
/// with an empty frame as a keep-alive when idle. The socket is receive-only; the client's frames (pings) are read and ignored.
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
            var limit = options.Value.MaxActivitiesPerGet;
            while (true)
            {
                var backlog = await transcript.Store.ListAsync(conversationId, sent, limit, closed.Token);
                if (backlog.Count == 0) break;
                sent = backlog[^1].Sequence;
                await SendAsync(socket, DirectLineTranscript.ActivitySet(backlog, sent), closed.Token);
            }

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
                    await SendAsync(socket, "", closed.Token);
                    continue;
                }

                if (!ready) break;
                var batch = new List<StoredActivity>();
                while (subscription.Reader.TryRead(out var activity))
                {
                    // One the store has not taken yet is shown now; it moves no watermark (a reconnect reads it from the store).
                    if (activity.Sequence > sent || activity.IsUnwritten) batch.Add(activity);
                }

                if (batch.Count == 0) continue;
                sent = Math.Max(sent, batch.Max(a => a.Sequence));
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

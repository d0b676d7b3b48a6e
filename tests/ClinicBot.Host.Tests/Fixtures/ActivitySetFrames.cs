using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ClinicBot.Host.Tests.Fixtures;

/// <summary>Reads a Direct Line stream as Web Chat does: one ActivitySet a text frame, an empty frame a keep-alive.</summary>
internal static class ActivitySetFrames
{
    /// <summary>The activities of the next frame that carries some (keep-alives skipped).</summary>
    /// <exception cref="InvalidOperationException">The stream closed.</exception>
    public static async Task<List<JsonElement>> NextAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("The stream closed.");
            if (frame.Length == 0) continue;
            using var set = JsonDocument.Parse(Encoding.UTF8.GetString(frame.ToArray()));
            return set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
        }
    }
}

using System.Buffers;
using System.IO.Pipelines;
using System.Net.Http.Headers;

namespace ClinicBot.Llm.Resilience;

/// <summary>
/// A response body read in full during its attempt, handed on as a read-once, non-seekable stream with the original
/// content headers: to the SDK it looks like the network stream it replaces. (Handed on as a seekable buffer, the
/// SDK's transport refuses to dispose a streamed reply it has read to the end.)
/// </summary>
internal static class BufferedBody
{
    public static HttpContent Create(byte[] body, HttpContentHeaders headers)
    {
        var content = new StreamContent(PipeReader.Create(new ReadOnlySequence<byte>(body)).AsStream());
        foreach (var (name, values) in headers) content.Headers.TryAddWithoutValidation(name, values);
        return content;
    }
}

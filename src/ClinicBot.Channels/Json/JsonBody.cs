using System.Text;
using Microsoft.AspNetCore.Http;

namespace ClinicBot.Channels.Json;

/// <summary>
/// Reads a request's JSON body as text, at most a given number of characters: invalid UTF-8 becomes U+FFFD and escaped
/// lone surrogates are repaired (<see cref="LoneSurrogates"/>), so a damaged message is still read rather than refused.
/// </summary>
public static class JsonBody
{
    /// <summary>The body's text, or null when it is longer than <paramref name="maxCharacters"/>.</summary>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxCharacters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new char[maxCharacters + 1];
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var read = 0;
        int count;
        while (read < buffer.Length && (count = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0) read += count;
        return read > maxCharacters ? null : LoneSurrogates.Repair(new string(buffer, 0, read));
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicBot.Conversations.Escalations;
using ClinicBot.Storage.Privacy;

namespace ClinicBot.Storage.Spool;

/// <summary>
/// The escalation spool as an append-only file of lines beside the database (readable by the host's user only), each
/// line one turn's JSON encrypted like the patient text in the database (<see cref="ProtectedColumn.SpoolLine"/>).
/// Each append is flushed to disk before it returns, so a spooled crisis survives a crash; a last line cut short by a
/// crash mid-write is skipped (and the next append starts on a line of its own). A whole line that can't be read now
/// (its key is no longer configured) is never dropped: it stays in the file until a key that reads it is configured.
/// Needs nothing of the database, which is the point.
/// </summary>
public sealed class FileEscalationSpool(string path, PatientTextCipher cipher) : IEscalationSpool
{
    /// <summary>The spool's file name, in the database's folder.</summary>
    public const string FileName = "escalation-spool.jsonl";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>The spool file.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <inheritdoc />
    public async Task AppendAsync(SpooledTurn turn, CancellationToken cancellationToken)
    {
        var line = Encoding.UTF8.GetBytes(Seal(turn) + "\n");
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await using var stream = Open(FileMode.OpenOrCreate, FileAccess.ReadWrite);
            if (stream.Length > 0)
            {
                // A line cut short by a crash has no end: this one starts on a line of its own, or both would be lost.
                stream.Seek(-1, SeekOrigin.End);
                var last = stream.ReadByte();
                if (last != '\n') await stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
            }

            stream.Seek(0, SeekOrigin.End);
            await stream.WriteAsync(line, cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SpooledTurn>> PendingAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return [.. (await ReadAsync(cancellationToken)).Where(l => l.Turn is not null).Select(l => l.Turn!)];
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var kept = (await ReadAsync(cancellationToken)).Where(l => l.Turn?.Id != id).ToList();
            if (kept.Count == 0)
            {
                File.Delete(Path);
                return;
            }

            // The rest goes to a new file that replaces the old one whole: a crash leaves one or the other.
            var temporary = Path + ".tmp";
            await using (var stream = Open(FileMode.Create, FileAccess.Write, temporary))
            {
                foreach (var line in kept) await stream.WriteAsync(Encoding.UTF8.GetBytes(line.Text + "\n"), cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            _lock.Release();
        }
    }

    private string Seal(SpooledTurn turn) => cipher.Protect(JsonSerializer.Serialize(turn, Json), ProtectedColumn.SpoolLine);

    // Every whole line, with its turn when it can be read now (null for one under a key no longer configured).
    private async Task<List<(string Text, SpooledTurn? Turn)>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path)) return [];
        var lines = new List<(string, SpooledTurn?)>();
        var parts = (await File.ReadAllTextAsync(Path, cancellationToken)).Split('\n');
        // The last part is empty after a final newline, or a line cut short by a crash: its turn was never acknowledged.
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var line = parts[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (Open(line) is var (readable, turn)) lines.Add((line, readable ? turn : null));
        }

        return lines;
    }

    // (true, the turn) for a line read; (false, null) for a whole line under a key not configured; null for a line
    // that is not a turn at all (cut short by a crash before every append started a line of its own). A line in clear
    // JSON was written before the spool was encrypted and is read as it is.
    private (bool Readable, SpooledTurn? Turn)? Open(string line)
    {
        string json;
        if (PatientTextCipher.IsProtected(line))
        {
            try
            {
                json = cipher.Reveal(line, ProtectedColumn.SpoolLine);
            }
            catch (Exception e) when (e is CryptographicException or FormatException)
            {
                return (false, null);
            }
        }
        else
        {
            json = line;
        }

        try
        {
            return JsonSerializer.Deserialize<SpooledTurn>(json, Json) is { } turn ? (true, turn) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private FileStream Open(FileMode mode, FileAccess access, string? file = null)
    {
        file ??= Path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows() && !File.Exists(file)) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(file, options);
    }
}

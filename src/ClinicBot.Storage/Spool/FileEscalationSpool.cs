using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicBot.Conversations.Escalations;

namespace ClinicBot.Storage.Spool;

/// <summary>
/// The escalation spool as an append-only file of JSON lines beside the database (readable by the host's user only).
/// Each append is flushed to disk before it returns, so a spooled crisis survives a crash; a line cut short by a crash
/// mid-write is skipped. Needs nothing of the database, which is the point.
/// </summary>
public sealed class FileEscalationSpool(string path) : IEscalationSpool
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
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(turn, Json) + "\n");
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await using var stream = Open(FileMode.Append, FileAccess.Write);
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
            return await ReadAsync(cancellationToken);
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
            var kept = (await ReadAsync(cancellationToken)).Where(t => t.Id != id).ToList();
            if (kept.Count == 0)
            {
                File.Delete(Path);
                return;
            }

            // The rest goes to a new file that replaces the old one whole: a crash leaves one or the other.
            var temporary = Path + ".tmp";
            await using (var stream = Open(FileMode.Create, FileAccess.Write, temporary))
            {
                foreach (var turn in kept) await stream.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(turn, Json) + "\n"), cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<List<SpooledTurn>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path)) return [];
        var turns = new List<SpooledTurn>();
        foreach (var line in await File.ReadAllLinesAsync(Path, cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                if (JsonSerializer.Deserialize<SpooledTurn>(line, Json) is { } turn) turns.Add(turn);
            }
            catch (JsonException)
            {
                // A line cut short by a crash while it was written: its turn was never acknowledged as spooled.
            }
        }

        return turns;
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

namespace ClinicBot.Testing;

/// <summary>
/// Reads what a host left on disk (its SQLite file, journal and shared memory, keys), for tests that a patient's number
/// or words are stored nowhere in clear. A file removed while it is read (SQLite drops <c>-wal</c> and <c>-shm</c> when a
/// background job's connection closes) holds nothing any more and is skipped.
/// </summary>
public static class StoredFiles
{
    /// <summary>The files of <paramref name="directory"/> matching <paramref name="pattern"/> whose bytes contain <paramref name="needle"/>.</summary>
    public static IReadOnlyList<string> Containing(string directory, ReadOnlySpan<byte> needle, string pattern = "*")
    {
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(directory, pattern))
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            if (bytes.AsSpan().IndexOf(needle) >= 0) found.Add(Path.GetFileName(file));
        }

        return found;
    }
}

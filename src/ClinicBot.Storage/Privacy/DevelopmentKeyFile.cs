namespace ClinicBot.Storage.Privacy;

/// <summary>
/// The Development data key: generated once into <c>clinicbot.datakey</c> beside the database (owner read/write only)
/// and read from there after, so a restarted host still reads what it wrote. Back it up with the database.
/// </summary>
internal static class DevelopmentKeyFile
{
    public const string FileName = "clinicbot.datakey";

    /// <summary>The file beside the database file at <paramref name="databasePath"/>.</summary>
    public static string PathBeside(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, FileName);

    /// <summary>The key in the file, made first when there is none.</summary>
    public static string ReadOrCreate(string path)
    {
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = DataKey.NewBase64();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: use theirs.
        }

        return File.ReadAllText(path).Trim();
    }
}

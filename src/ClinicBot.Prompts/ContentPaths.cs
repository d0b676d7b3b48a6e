namespace ClinicBot.Prompts;

/// <summary>
/// Resolves the configured content folders (<c>knowledge</c>, <c>prompts</c>). A relative path is looked for in the
/// working directory and its parents, then beside the program and its parents, so the bot finds the repository's
/// folders whether it runs from the repository root, a project folder or a test's output folder.
/// </summary>
public static class ContentPaths
{
    /// <summary>The first existing match for the path, or the path under the working directory when none exists.</summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, path);
                if (Directory.Exists(candidate) || File.Exists(candidate)) return candidate;
            }
        }

        return Path.GetFullPath(path);
    }

    /// <summary>
    /// Where a data file (the SQLite database) lives: a relative path is taken under the nearest folder, from the
    /// working directory up, that holds <c>knowledge/</c> (the repository root), so the host, <c>./src/run.sh</c> (run from
    /// the host's project folder) and the CLI use the same database; with none, under the working directory.
    /// </summary>
    public static string ResolveData(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.IsPathRooted(path)) return path;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "knowledge"))) return Path.GetFullPath(Path.Combine(dir.FullName, path));
        }

        return Path.GetFullPath(path);
    }
}

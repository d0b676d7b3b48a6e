namespace ClinicBot.Testing;

/// <summary>Finds the repository's data folders from wherever the test runner starts.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The directory that holds <c>Bot.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The clinic's articles and synonyms.</summary>
    public static string Knowledge => Path.Combine(Root, "knowledge");

    /// <summary>Templates, safety rules and LLM prompts.</summary>
    public static string Prompts => Path.Combine(Root, "prompts");

    /// <summary>The development evaluation set copied from the product owner's shared folder.</summary>
    public static string DevSet => Path.Combine(Root, "tests", "data", "devset.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}

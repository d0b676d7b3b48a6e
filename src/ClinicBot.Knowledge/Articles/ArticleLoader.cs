using System.Security.Cryptography;
using System.Text;

namespace ClinicBot.Knowledge.Articles;

/// <summary>Loads every <c>*.md</c> article of the knowledge directory; a clinic adds an article by dropping a file there.</summary>
public static class ArticleLoader
{
    /// <summary>
    /// Bumped whenever parsing, splitting or stemming changes, so an index built by older code is rebuilt
    /// even though the articles did not change.
    /// </summary>
    public const string AnalyzerVersion = "1";

    /// <summary>Parses the articles, sorted by id.</summary>
    /// <exception cref="InvalidDataException">An article is malformed, or two articles share an id.</exception>
    public static IReadOnlyList<Article> LoadDirectory(string directory)
    {
        var articles = ArticleFiles(directory)
            .Select(path => ArticleParser.Parse(Path.GetFileName(path), File.ReadAllText(path)))
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .ToList();

        var duplicate = articles.GroupBy(a => a.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Two articles share the id '{duplicate.Key}'.");
        }

        return articles;
    }

    /// <summary>A hash of everything the search index is built from: the articles, the lexicon and the analyzer version.</summary>
    public static string ContentHash(string directory, string lexiconPath)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(AnalyzerVersion));
        foreach (var path in ArticleFiles(directory).Append(lexiconPath))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(path)));
            sha.AppendData(File.ReadAllBytes(path));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static IEnumerable<string> ArticleFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Knowledge directory not found: {directory}");
        }

        return Directory.EnumerateFiles(directory, "*.md")
            .Where(p => !Path.GetFileName(p).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
    }
}

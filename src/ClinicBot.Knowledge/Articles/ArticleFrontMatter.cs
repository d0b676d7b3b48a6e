namespace ClinicBot.Knowledge.Articles;

/// <summary>The YAML front matter every article in <c>knowledge/</c> carries.</summary>
internal sealed class ArticleFrontMatter
{
    /// <summary>Keys an article cannot be loaded without.</summary>
    public static readonly IReadOnlyList<string> Required = ["id", "title", "publisher", "location", "source_file", "reviewed"];

    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? ShortName { get; set; }
    public string? Publisher { get; set; }
    public string? Location { get; set; }
    public string? SourceFile { get; set; }
    public string? Reviewed { get; set; }

    public IReadOnlyList<string> MissingKeys()
    {
        var values = new[] { Id, Title, Publisher, Location, SourceFile, Reviewed };
        return Required.Where((_, i) => string.IsNullOrWhiteSpace(values[i])).ToList();
    }
}

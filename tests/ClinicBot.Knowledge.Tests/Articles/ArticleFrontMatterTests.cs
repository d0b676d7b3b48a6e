using ClinicBot.Knowledge.Articles;
using ClinicBot.Testing;

namespace ClinicBot.Knowledge.Tests.Articles;

public sealed class ArticleFrontMatterTests
{
    public static IEnumerable<object[]> ArticleFiles =>
        Directory.EnumerateFiles(RepositoryPaths.Knowledge, "*.md").Select(path => new object[] { Path.GetFileName(path) });

    [Theory]
    [MemberData(nameof(ArticleFiles))]
    public void Parse_RepositoryArticle_HasEveryRequiredFrontMatterKey(string fileName)
    {
        var article = ArticleParser.Parse(fileName, File.ReadAllText(Path.Combine(RepositoryPaths.Knowledge, fileName)));

        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), article.Id);
        Assert.False(string.IsNullOrWhiteSpace(article.Title));
        Assert.False(string.IsNullOrWhiteSpace(article.Publisher));
        Assert.False(string.IsNullOrWhiteSpace(article.Location));
        Assert.Matches(@"^\d{3}_[0-9a-f]{16}\.txt$", article.SourceFile);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", article.Reviewed);
        Assert.NotEmpty(article.Passages);
    }

    [Fact]
    public void LoadDirectory_Repository_HasTheFiveSeedArticles()
    {
        var articles = ArticleLoader.LoadDirectory(RepositoryPaths.Knowledge);

        Assert.Equal(["000", "001", "002", "003", "004"], articles.Select(a => a.SourceFile[..3]).Order());
    }

    [Theory]
    [InlineData("id")]
    [InlineData("title")]
    [InlineData("publisher")]
    [InlineData("location")]
    [InlineData("source_file")]
    [InlineData("reviewed")]
    public void Parse_MissingKey_FailsNamingTheKey(string key)
    {
        var lines = new[]
        {
            "id: sample", "title: Sample", "publisher: A Clinic", "location: Somewhere, CA", "source_file: 009_x.txt", "reviewed: 2026-01-01",
        }.Where(line => !line.StartsWith(key + ":", StringComparison.Ordinal));
        var markdown = "---\n" + string.Join('\n', lines) + "\n---\n\nBody text.\n";

        var error = Assert.Throws<InvalidDataException>(() => ArticleParser.Parse("sample.md", markdown));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains("sample.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoFrontMatter_Fails()
    {
        Assert.Throws<InvalidDataException>(() => ArticleParser.Parse("bare.md", "# Title\n\nJust text.\n"));
    }

    [Fact]
    public void Parse_Sections_PassagesKeepTheirHeading()
    {
        const string markdown = "---\nid: a\ntitle: T\npublisher: P\nlocation: L\nsource_file: f.txt\nreviewed: 2026-01-01\n---\n\n"
            + "Intro paragraph.\n\n## Safety and Side Effects\n\nNausea can happen. It passes quickly.\n\nSecond paragraph.\n";

        var article = ArticleParser.Parse("a.md", markdown);

        Assert.Equal(3, article.Passages.Count);
        Assert.Equal("", article.Passages[0].Heading);
        Assert.Equal("Safety and Side Effects", article.Passages[1].Heading);
        Assert.Equal(["Nausea can happen.", "It passes quickly."], article.Passages[1].Sentences.Select(s => s.Text));
        Assert.Equal("Safety and Side Effects", article.Passages[2].Heading);
    }
}

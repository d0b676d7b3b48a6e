using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Search;
using ClinicBot.Storage.Sqlite;
using ClinicBot.Testing;

namespace ClinicBot.Knowledge.Tests.Search;

/// <summary>The FTS5 index in a real SQLite file: built once, reused while the articles are unchanged, rebuilt when they change.</summary>
public sealed class SqlitePassageIndexTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinicbot-index-").FullName;

    [Fact]
    public void LoadAndIndex_ArticleChanged_RebuildsIndexWithNewText()
    {
        var knowledgeFolder = Path.Combine(_folder, "knowledge");
        Directory.CreateDirectory(knowledgeFolder);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Knowledge)) File.Copy(file, Path.Combine(knowledgeFolder, Path.GetFileName(file)));
        var options = new KnowledgeOptions { ArticlesPath = knowledgeFolder, LexiconPath = Path.Combine(knowledgeFolder, "synonyms.yaml") };
        var index = new SqlitePassageIndex(new SqliteConnectionFactory(Path.Combine(_folder, "data", "clinicbot.db")));

        var first = KnowledgeLoader.LoadAndIndex(options, index);
        Assert.True(index.IsCurrent(first.ContentHash));
        Assert.Empty(index.Search([["zebrafish"]], 5));

        File.WriteAllText(Path.Combine(knowledgeFolder, "new-article.md"),
            "---\nid: new-article\ntitle: New\npublisher: Clinic\nlocation: Here\nsource_file: 005_new.txt\nreviewed: 2026-11-22\n---\n\nZebrafish studies are mentioned here.\n");
        var second = KnowledgeLoader.LoadAndIndex(options, index);

        Assert.NotEqual(first.ContentHash, second.ContentHash);
        var hit = Assert.Single(index.Search([["zebrafish"]], 5));
        Assert.Equal("new-article#0", hit.PassageKey);
        Assert.True(File.Exists(Path.Combine(_folder, "data", "clinicbot.db")));
    }

    [Fact]
    public void Search_Phrase_MatchesOnlyContiguousStems()
    {
        var index = new SqlitePassageIndex(new SqliteConnectionFactory(Path.Combine(_folder, "phrase.db")));
        var knowledge = KnowledgeLoader.LoadAndIndex(new KnowledgeOptions { ArticlesPath = RepositoryPaths.Knowledge, LexiconPath = Path.Combine(RepositoryPaths.Knowledge, "synonyms.yaml") }, index);

        var hits = index.Search([["blood", "pressur"]], 50);

        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.Contains("blood pressure", knowledge.GetPassage(hit.PassageKey).Text, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

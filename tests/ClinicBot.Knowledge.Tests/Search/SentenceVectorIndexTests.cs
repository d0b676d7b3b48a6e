using ClinicBot.Embeddings;
using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Search;
using ClinicBot.Storage.Sqlite;
using ClinicBot.Testing;

namespace ClinicBot.Knowledge.Tests.Search;

/// <summary>
/// Sentence vectors live in the SQLite index beside FTS5: written by a rebuild, read back bit for bit, and computed
/// only when the articles, the lexicon or the embedding model changed.
/// </summary>
public sealed class SentenceVectorIndexTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinicbot-vectors-").FullName;

    private static KnowledgeOptions RepositoryKnowledge => new()
    {
        ArticlesPath = RepositoryPaths.Knowledge,
        LexiconPath = Path.Combine(RepositoryPaths.Knowledge, "synonyms.yaml"),
    };

    [Fact]
    public void Rebuild_SentenceVectors_AreReadBackUnchanged()
    {
        var index = NewIndex("roundtrip.db");
        var passage = NewPassage("dosing#0", "Each session lasts about an hour.", "Patients rest afterwards.");
        var vectors = new Dictionary<string, float[]>
        {
            [IPassageIndex.SentenceKey(passage.Sentences[0])] = [0.25f, -0.5f, 1e-7f, float.Epsilon],
            [IPassageIndex.SentenceKey(passage.Sentences[1])] = [-1f, 0f, 0.333333f, float.MaxValue],
        };

        index.Rebuild([passage], "hash-1", vectors);
        var stored = index.SentenceVectors();

        Assert.True(index.IsCurrent("hash-1"));
        Assert.Equal(vectors.Keys.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, vector) in vectors) Assert.Equal(vector, stored[key]);
    }

    [Fact]
    public void Rebuild_Again_ReplacesTheVectors()
    {
        var index = NewIndex("replace.db");
        var first = NewPassage("first#0", "Ketamine is an anesthetic.");
        var second = NewPassage("second#0", "Sessions are monitored.");
        index.Rebuild([first], "hash-1", new Dictionary<string, float[]> { [IPassageIndex.SentenceKey(first.Sentences[0])] = [1f, 0f] });

        index.Rebuild([second], "hash-2", new Dictionary<string, float[]> { [IPassageIndex.SentenceKey(second.Sentences[0])] = [0f, 1f] });

        var stored = Assert.Single(index.SentenceVectors());
        Assert.Equal("second#0#0", stored.Key);
        Assert.Equal([0f, 1f], stored.Value);
        Assert.False(index.IsCurrent("hash-1"));
    }

    [Fact]
    public void Rebuild_WithoutVectors_StoresNone()
    {
        var index = NewIndex("lexical.db");

        index.Rebuild([NewPassage("a#0", "Ketamine is an anesthetic.")], "hash-1", new Dictionary<string, float[]>());

        Assert.Empty(index.SentenceVectors());
    }

    [Fact]
    public void LoadAndIndex_WithEmbedder_EverySentenceHasItsVector()
    {
        var embedder = SentenceEmbedder.Shared;
        var index = new CountingIndex(NewIndex("knowledge.db"));

        var built = KnowledgeLoader.LoadAndIndex(RepositoryKnowledge, index, embedder);
        var loaded = KnowledgeLoader.LoadAndIndex(RepositoryKnowledge, index, embedder);

        Assert.Equal(1, index.Rebuilds);
        Assert.Equal(built.ContentHash, loaded.ContentHash);
        foreach (var knowledge in new[] { built, loaded })
        {
            Assert.False(knowledge.Vectors.IsEmpty);
            Assert.NotEmpty(knowledge.Sentences);
            Assert.All(knowledge.Sentences, sentence => Assert.NotNull(knowledge.Vectors.Of(sentence)));
        }

        // The second load reads the vectors from SQLite: they are exactly what the model computes for each sentence.
        Assert.Equal(built.Sentences.Count, index.Inner.SentenceVectors().Count);
        foreach (var sentence in loaded.Sentences.Where((_, i) => i % 7 == 0))
        {
            Assert.Equal(embedder.Embed(sentence.Text), loaded.Vectors.Of(sentence));
        }
    }

    [Fact]
    public void LoadAndIndex_LexicalIndexThenEmbedder_RebuildsWithVectors()
    {
        var index = new CountingIndex(NewIndex("upgrade.db"));

        var lexical = KnowledgeLoader.LoadAndIndex(RepositoryKnowledge, index);
        var withVectors = KnowledgeLoader.LoadAndIndex(RepositoryKnowledge, index, SentenceEmbedder.Shared);

        Assert.True(lexical.Vectors.IsEmpty);
        Assert.False(withVectors.Vectors.IsEmpty);
        Assert.NotEqual(lexical.ContentHash, withVectors.ContentHash);
        Assert.Equal(2, index.Rebuilds);
    }

    private SqlitePassageIndex NewIndex(string file) => new(new SqliteConnectionFactory(Path.Combine(_folder, file)));

    private static Passage NewPassage(string key, params string[] sentences) =>
        new(key, key.Split('#')[0], 0, "Heading", string.Join(' ', sentences),
            sentences.Select((text, i) => new Sentence(text, ClinicBot.Knowledge.Text.TextAnalyzer.Stems(text), key, i)).ToList());

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // Counts rebuilds: loading again over a current index must not embed and rewrite every sentence.
    private sealed class CountingIndex(SqlitePassageIndex inner) : IPassageIndex
    {
        public SqlitePassageIndex Inner { get; } = inner;

        public int Rebuilds { get; private set; }

        public bool IsCurrent(string contentHash) => Inner.IsCurrent(contentHash);

        public void Rebuild(IEnumerable<Passage> passages, string contentHash, IReadOnlyDictionary<string, float[]> sentenceVectors)
        {
            Rebuilds++;
            Inner.Rebuild(passages, contentHash, sentenceVectors);
        }

        public IReadOnlyDictionary<string, float[]> SentenceVectors() => Inner.SentenceVectors();

        public IReadOnlyList<PassageHit> Search(IReadOnlyList<string[]> terms, int limit) => Inner.Search(terms, limit);
    }
}

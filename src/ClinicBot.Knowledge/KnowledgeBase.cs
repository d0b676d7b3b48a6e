using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Text;

namespace ClinicBot.Knowledge;

/// <summary>
/// The loaded articles held in memory with the statistics the answerer needs: which passages contain each stem
/// (for inverse document frequency), the vocabulary patients' misspellings are corrected against, and the
/// sentences' vectors for semantic retrieval.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, Article> _articles;
    private readonly Dictionary<string, Passage> _passages;
    private readonly Dictionary<string, Sentence> _sentences;
    private readonly Dictionary<string, HashSet<string>> _postings = new(StringComparer.Ordinal);

    /// <summary>Indexes the articles in memory.</summary>
    public KnowledgeBase(IReadOnlyList<Article> articles, string contentHash)
        : this(articles, contentHash, null)
    {
    }

    /// <summary>Indexes the articles in memory with the sentence vectors stored with the search index.</summary>
    /// <param name="articles">The articles, sorted by id.</param>
    /// <param name="contentHash">The hash the search index was built for.</param>
    /// <param name="sentenceVectors">Vectors keyed by <see cref="Search.IPassageIndex.SentenceKey"/>; null or empty for lexical search only.</param>
    public KnowledgeBase(IReadOnlyList<Article> articles, string contentHash, IReadOnlyDictionary<string, float[]>? sentenceVectors)
    {
        Articles = articles;
        ContentHash = contentHash;
        _articles = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _passages = articles.SelectMany(a => a.Passages).ToDictionary(p => p.Key, StringComparer.Ordinal);

        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var passage in _passages.Values)
        {
            foreach (var stem in passage.Sentences.SelectMany(s => s.Stems).Concat(TextAnalyzer.Stems(passage.Heading)))
            {
                if (!_postings.TryGetValue(stem, out var keys)) _postings[stem] = keys = new HashSet<string>(StringComparer.Ordinal);
                keys.Add(passage.Key);
            }

            foreach (var word in Tokenizer.Tokenize(TextNormalizer.Fold(passage.Heading + " " + passage.Text)))
            {
                vocabulary[word] = vocabulary.GetValueOrDefault(word) + 1;
            }
        }

        Vocabulary = vocabulary;
        Sentences = _passages.Values.SelectMany(p => p.Sentences).ToList();
        _sentences = Sentences.ToDictionary(Search.IPassageIndex.SentenceKey, StringComparer.Ordinal);
        Vectors = sentenceVectors is { Count: > 0 } && Sentences.All(s => sentenceVectors.ContainsKey(Search.IPassageIndex.SentenceKey(s)))
            ? new Search.SentenceVectors(Sentences, Sentences.Select(s => sentenceVectors[Search.IPassageIndex.SentenceKey(s)]).ToList())
            : Search.SentenceVectors.Empty;
    }

    /// <summary>Every sentence of every article, in article and passage order.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>The sentences' vectors (empty when the knowledge base was loaded without the embedding model).</summary>
    public Search.SentenceVectors Vectors { get; }

    /// <summary>The articles, sorted by id.</summary>
    public IReadOnlyList<Article> Articles { get; }

    /// <summary>The hash the search index was built for.</summary>
    public string ContentHash { get; }

    /// <summary>Every passage of every article.</summary>
    public IEnumerable<Passage> Passages => _passages.Values;

    /// <summary>How many passages there are: N in the inverse document frequency.</summary>
    public int PassageCount => _passages.Count;

    /// <summary>Every folded word of the articles with how often it occurs.</summary>
    public IReadOnlyDictionary<string, int> Vocabulary { get; }

    /// <summary>The article with this id, if any.</summary>
    public Article? FindArticle(string id) => _articles.GetValueOrDefault(id);

    /// <summary>The sentence with this key (<see cref="Search.IPassageIndex.SentenceKey"/>), if any.</summary>
    public Sentence? FindSentence(string key) => _sentences.GetValueOrDefault(key);

    /// <summary>The passage with this key.</summary>
    public Passage GetPassage(string key) => _passages[key];

    /// <summary>The keys of the passages that contain a stem (empty when none does).</summary>
    public IReadOnlySet<string> PassagesWith(string stem) =>
        _postings.TryGetValue(stem, out var keys) ? keys : EmptySet;

    private static readonly HashSet<string> EmptySet = [];
}

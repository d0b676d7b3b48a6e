using System.Security.Cryptography;
using System.Text;
using ClinicBot.Embeddings;
using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Search;
using ClinicBot.Prompts;

namespace ClinicBot.Knowledge;

/// <summary>
/// Loads the articles and brings the search index up to date: it is rebuilt, sentence vectors included, only when the
/// articles, the lexicon, the analyzer or the embedding model changed.
/// </summary>
public static class KnowledgeLoader
{
    /// <summary>The loaded knowledge base, with the index guaranteed to match it (lexical search only).</summary>
    public static KnowledgeBase LoadAndIndex(KnowledgeOptions options, IPassageIndex index) => LoadAndIndex(options, index, null);

    /// <summary>The loaded knowledge base with its sentence vectors, the index guaranteed to match it.</summary>
    /// <param name="options">Where the articles and the lexicon are.</param>
    /// <param name="index">The search index, rebuilt when it was built from other content.</param>
    /// <param name="embedder">The embedding model; null to load without vectors (lexical search only).</param>
    public static KnowledgeBase LoadAndIndex(KnowledgeOptions options, IPassageIndex index, SentenceEmbedder? embedder)
    {
        var articlesPath = ContentPaths.Resolve(options.ArticlesPath);
        var lexiconPath = ContentPaths.Resolve(options.LexiconPath);
        var hash = WithModel(ArticleLoader.ContentHash(articlesPath, lexiconPath), embedder);
        var articles = ArticleLoader.LoadDirectory(articlesPath);
        if (index.IsCurrent(hash)) return new KnowledgeBase(articles, hash, embedder is null ? null : index.SentenceVectors());

        var lexical = new KnowledgeBase(articles, hash);
        var vectors = embedder is null
            ? new Dictionary<string, float[]>()
            : lexical.Sentences.ToDictionary(IPassageIndex.SentenceKey, s => embedder.Embed(s.Text), StringComparer.Ordinal);
        index.Rebuild(lexical.Passages, hash, vectors);
        return new KnowledgeBase(articles, hash, vectors);
    }

    // An index built with another model's vectors (or with none) is not current for this one.
    private static string WithModel(string contentHash, SentenceEmbedder? embedder)
    {
        if (embedder is null) return contentHash;
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(contentHash + "|" + SentenceEmbedder.ModelName));
        return Convert.ToHexStringLower(bytes);
    }
}

using ClinicBot.Knowledge.Articles;

namespace ClinicBot.Knowledge.Search;

/// <summary>
/// The full-text index of passages (SQLite FTS5 by default). It stores stems, not raw text,
/// so ranking sees exactly the terms the analyzer produced, and the embedding of every sentence beside them.
/// </summary>
public interface IPassageIndex
{
    /// <summary>Whether the index was built from content with this hash.</summary>
    bool IsCurrent(string contentHash);

    /// <summary>Replaces the index's content with these passages and their sentences' vectors, atomically.</summary>
    /// <param name="passages">Every passage of the knowledge base.</param>
    /// <param name="contentHash">What the index is built from (articles, lexicon, analyzer and embedding model).</param>
    /// <param name="sentenceVectors">The vector of every sentence keyed by <see cref="SentenceKey"/>; empty without a model.</param>
    void Rebuild(IEnumerable<Passage> passages, string contentHash, IReadOnlyDictionary<string, float[]> sentenceVectors);

    /// <summary>The sentence vectors stored by the last rebuild, keyed by <see cref="SentenceKey"/>.</summary>
    IReadOnlyDictionary<string, float[]> SentenceVectors();

    /// <summary>How a sentence's vector is keyed: its passage key and its position in the passage.</summary>
    static string SentenceKey(Sentence sentence) => sentence.PassageKey + "#" + sentence.Index;

    /// <summary>Passages ranked by BM25 for any of the given stem sequences, best first.</summary>
    IReadOnlyList<PassageHit> Search(IReadOnlyList<string[]> terms, int limit);
}

using ClinicBot.Knowledge.Articles;

namespace ClinicBot.Knowledge.Search;

/// <summary>
/// The full-text index of passages (SQLite FTS5 by default). It stores stems, not raw text,
/// so ranking sees exactly the terms the analyzer produced.
/// </summary>
public interface IPassageIndex
{
    /// <summary>Whether the index was built from content with this hash.</summary>
    bool IsCurrent(string contentHash);

    /// <summary>Replaces the index's content with these passages, atomically.</summary>
    void Rebuild(IEnumerable<Passage> passages, string contentHash);

    /// <summary>Passages ranked by BM25 for any of the given stem sequences, best first.</summary>
    IReadOnlyList<PassageHit> Search(IReadOnlyList<string[]> terms, int limit);
}

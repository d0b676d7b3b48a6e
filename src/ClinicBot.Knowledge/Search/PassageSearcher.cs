using ClinicBot.Knowledge.Articles;

namespace ClinicBot.Knowledge.Search;

/// <summary>Finds the passages most relevant to an analysed question.</summary>
public sealed class PassageSearcher(KnowledgeBase knowledge, IPassageIndex index)
{
    /// <summary>The top passages with their scores, best first; empty when nothing matches.</summary>
    public IReadOnlyList<(Passage Passage, double Score)> Search(QueryAnalysis query, int limit)
    {
        var terms = query.Concepts.Where(c => c.PassageCount > 0).SelectMany(c => c.Alternatives).ToList();
        if (terms.Count == 0) return [];
        return index.Search(terms, limit).Select(hit => (knowledge.GetPassage(hit.PassageKey), hit.Score)).ToList();
    }
}

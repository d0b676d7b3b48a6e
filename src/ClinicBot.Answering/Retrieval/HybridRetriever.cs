using ClinicBot.Answering.Extractive;
using ClinicBot.Answering.Model;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Search;

namespace ClinicBot.Answering.Retrieval;

/// <summary>
/// Hybrid retrieval: the sentences nearest the question's vector and the sentences of the passages FTS5 BM25 ranks
/// highest, pooled, each described by <see cref="RelevanceFeatures"/> for the relevance head to rank.
/// </summary>
internal sealed class HybridRetriever(KnowledgeBase knowledge, PassageSearcher searcher, AnsweringOptions options)
{
    // Sentences that answered the training questions nearest this one join the pool too.
    private const int RememberedCandidates = 10;

    /// <summary>The pooled candidates with their feature vectors, in no particular order.</summary>
    public List<(CandidateSentence Candidate, float[] Features)> Candidates(ReadQuestion question, MemoryMatch match)
    {
        var query = question.Analysis;
        var passages = searcher.Search(query, options.CandidatePassages);
        var topBm25 = passages.Count > 0 ? passages[0].Score : 0;
        var ranks = passages.ToDictionary(p => p.Passage.Key, p => topBm25 > 0 ? p.Score / topBm25 : 0, StringComparer.Ordinal);

        var pool = new HashSet<Sentence>(ReferenceEqualityComparer.Instance);
        foreach (var (passage, _) in passages) pool.UnionWith(passage.Sentences);
        if (question.Vector is { } vector && !knowledge.Vectors.IsEmpty)
        {
            pool.UnionWith(knowledge.Vectors.Nearest(vector, options.DenseCandidates).Select(n => n.Sentence));
        }

        foreach (var (key, _) in match.SentenceSupport.OrderByDescending(s => s.Value).Take(RememberedCandidates))
        {
            if (knowledge.FindSentence(key) is { } remembered) pool.Add(remembered);
        }

        var candidates = pool.Select(sentence =>
        {
            var passage = knowledge.GetPassage(sentence.PassageKey);
            var scored = SentenceScorer.Score(query, passage, sentence, ranks.GetValueOrDefault(passage.Key));
            return question.Vector is null ? scored : scored with { Cosine = knowledge.Vectors.Similarity(question.Vector, sentence) };
        }).ToList();
        if (candidates.Count == 0) return [];

        var topCosine = candidates.Max(c => c.Cosine);
        var topLexical = candidates.Max(c => c.Lexical);
        var passageCosine = candidates.GroupBy(c => c.Passage.Key).ToDictionary(g => g.Key, g => g.Max(c => c.Cosine), StringComparer.Ordinal);
        var cosineRanks = Ranks(candidates.OrderByDescending(c => c.Cosine));
        var lexicalRanks = Ranks(candidates.Where(c => c.Lexical > 0).OrderByDescending(c => c.Lexical));
        var bestSupport = match.SentenceSupport.Count == 0 ? 0 : match.SentenceSupport.Values.Max();
        return candidates.Select(c => (c, RelevanceFeatures.Of(
            c, topCosine, passageCosine[c.Passage.Key], topLexical, cosineRanks[c.Sentence], lexicalRanks.GetValueOrDefault(c.Sentence),
            (match.SentenceSupport.GetValueOrDefault(IPassageIndex.SentenceKey(c.Sentence)), bestSupport)))).ToList();
    }

    /// <summary>1-based positions of candidates in the given order.</summary>
    public static Dictionary<Sentence, int> Ranks(IEnumerable<CandidateSentence> ordered)
    {
        var ranks = new Dictionary<Sentence, int>(ReferenceEqualityComparer.Instance);
        foreach (var candidate in ordered) ranks[candidate.Sentence] = ranks.Count + 1;
        return ranks;
    }
}

using System.Numerics;
using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Search;
using ClinicBot.Knowledge.Text;

namespace ClinicBot.Answering.Extractive;

/// <summary>
/// Scores a sentence by the weighted share of the question's concepts it mentions, with a small bonus for concepts
/// its section heading mentions and for the passage's BM25 rank: the lexical half of retrieval.
/// </summary>
internal static class SentenceScorer
{
    // Why these sizes: the sentence's own words decide; a heading only breaks ties between similar sentences.
    private const double HeadingBonus = 0.15;
    private const double RankBonus = 0.05;

    // A heading that restates the question ("How Ketamine Works in the Brain") marks the section that answers it.
    private const double HeadingQuestionBonus = 0.3;
    private const double HeadingQuestionOverlap = 0.6;

    // "What is X?" is best answered by a sentence that opens by defining X ("Ketamine is a medication...").
    private const double DefinitionBonus = 0.5;

    /// <summary>Every sentence of the passages that mentions a concept of the question, best first.</summary>
    public static List<CandidateSentence> Score(QueryAnalysis query, IReadOnlyList<(Passage Passage, double Score)> passages)
    {
        var candidates = new List<CandidateSentence>();
        if (passages.Count == 0 || query.TotalWeight <= 0) return candidates;

        var topScore = passages[0].Score;
        foreach (var (passage, bm25) in passages)
        {
            var rank = topScore > 0 ? bm25 / topScore : 0;
            foreach (var sentence in passage.Sentences)
            {
                var candidate = Score(query, passage, sentence, rank);
                if (candidate.Concepts != 0) candidates.Add(candidate);
            }
        }

        SortBestFirst(candidates);
        return candidates;
    }

    /// <summary>One sentence of a passage whose BM25 score is <paramref name="rank"/> of the best passage's (0 when not retrieved).</summary>
    public static CandidateSentence Score(QueryAnalysis query, Passage passage, Sentence sentence, double rank)
    {
        var headingConcepts = Mentioned(query, passage.HeadingStems, passage.HeadingStemSet);
        var concepts = Mentioned(query, sentence.Stems, sentence.StemSet);
        var defines = concepts != 0 && query.AsksForDefinition && DefinitionOpening.Defines(sentence, query);
        var score = query.TotalWeight <= 0 || concepts == 0
            ? 0
            : Weight(query, concepts)
                + (HeadingBonus * Weight(query, headingConcepts))
                + (RankBonus * rank)
                + (HeadingQuestionBonus * HeadingOverlap(query, passage.HeadingStems))
                + (defines ? DefinitionBonus : 0);
        return new CandidateSentence(sentence, passage, concepts, headingConcepts, score, defines) { Lexical = score, Bm25Rank = rank };
    }

    /// <summary>Best first; equal scores keep the articles' own order, so sentences of one paragraph read as written.</summary>
    public static void SortBestFirst(List<CandidateSentence> candidates) =>
        candidates.Sort((a, b) => b.Score != a.Score
            ? b.Score.CompareTo(a.Score)
            : (a.Passage.Ordinal, a.Sentence.Index).CompareTo((b.Passage.Ordinal, b.Sentence.Index)));

    /// <summary>The weighted share (0 to 1) of the question that a set of concepts stands for.</summary>
    public static double Weight(QueryAnalysis query, ulong concepts)
    {
        if (query.TotalWeight <= 0) return 0;
        var sum = 0.0;
        while (concepts != 0)
        {
            var i = BitOperations.TrailingZeroCount(concepts);
            sum += query.Concepts[i].Weight;
            concepts &= concepts - 1;
        }

        return sum / query.TotalWeight;
    }

    private static double HeadingOverlap(QueryAnalysis query, string[] headingStems)
    {
        if (headingStems.Length < 2) return 0;
        var overlap = (double)headingStems.Count(query.Stems.Contains) / headingStems.Length;
        return overlap >= HeadingQuestionOverlap ? overlap : 0;
    }

    private static ulong Mentioned(QueryAnalysis query, string[] stems, IReadOnlySet<string> stemSet)
    {
        ulong mask = 0;
        var count = Math.Min(query.Concepts.Count, 64);
        for (var i = 0; i < count; i++)
        {
            if (query.Concepts[i].IsMentionedIn(stems, stemSet)) mask |= 1UL << i;
        }

        return mask;
    }
}

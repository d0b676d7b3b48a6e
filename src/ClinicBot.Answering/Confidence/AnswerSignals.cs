using ClinicBot.Answering.Extractive;
using ClinicBot.Answering.Model;
using ClinicBot.Answering.Retrieval;
using ClinicBot.Knowledge.Search;

namespace ClinicBot.Answering.Confidence;

/// <summary>
/// What the answer head reads to decide between answering and abstaining: how relevant the best sentences are, how
/// close in meaning, how much of the question's weighted concepts they cover, and how much of the question is words
/// the articles never use. No single signal decides: an unknown word alone ("my sister-in-law") no longer forces an
/// abstention, and a close paraphrase of a price question no longer passes for an answer. The question's own meaning
/// counts too: how a prior over its vector and its nearest training questions (answerable or not) read it.
/// </summary>
public static class AnswerSignals
{
    private const int Top = 3;

    /// <summary>The feature names, in vector order (recorded in the model file).</summary>
    public static readonly IReadOnlyList<string> Names =
        [
            "top_relevance", "top3_relevance", "top_cosine", "coverage", "unknown_share", "follow_up",
            "question_prior", "nearest_answerable", "nearest_unanswerable", "neighbour_vote",
        ];

    /// <summary>The signals of the ranked candidates, with the model's question prior and how the question matched its memory.</summary>
    internal static float[] Of(ReadQuestion question, IReadOnlyList<CandidateSentence> ranked, AnswerModel model, MemoryMatch match)
    {
        var query = question.Analysis;
        var top = ranked.OrderByDescending(c => c.Relevance).Take(Top).ToList();
        var prior = question.Vector is { } vector && model.Prior is { } head ? (float)head.Probability(vector) : 0.5f;
        return
        [
            top.Count > 0 ? (float)top[0].Relevance : 0f,
            top.Count > 0 ? (float)top.Average(c => c.Relevance) : 0f,
            ranked.Count > 0 ? (float)ranked.Max(c => c.Cosine) : 0f,
            top.Count > 0 ? (float)top.Max(c => SentenceScorer.Weight(query, c.Concepts | c.HeadingConcepts)) : 0f,
            (float)UnknownShare(query),
            question.IsFollowUp ? 1f : 0f,
            prior,
            match.NearestAnswerable,
            match.NearestUnanswerable,
            match.NeighbourVote,
        ];
    }

    /// <summary>Share of the question's concept weight that no article mentions at all.</summary>
    internal static double UnknownShare(QueryAnalysis query) =>
        query.TotalWeight <= 0 ? 1 : query.Concepts.Where(c => c.PassageCount == 0).Sum(c => c.Weight) / query.TotalWeight;
}

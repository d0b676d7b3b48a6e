using ClinicBot.Answering.Extractive;

namespace ClinicBot.Answering.Retrieval;

/// <summary>
/// What the relevance head reads of one sentence: its semantic similarity to the question (absolute, against the best
/// sentence's, and its paragraph's best), its lexical score (absolute and against the best), its paragraph's BM25 rank,
/// and how close the question is to training questions this very sentence answered (question-to-question matching).
/// Dense similarity finds paraphrases the words miss; the lexical score keeps exact terms ("NMDA") decisive.
/// </summary>
public static class RelevanceFeatures
{
    /// <summary>The feature names, in vector order (recorded in the model file).</summary>
    public static readonly IReadOnlyList<string> Names =
        ["cosine", "cosine_gap", "passage_cosine", "lexical", "lexical_gap", "bm25_rank", "defines", "cosine_rank", "lexical_rank", "cosine_x_lexical",
            "question_match", "question_match_gap"];

    /// <summary>The features of one candidate; ranks are 1 for the best of the pool (0 when it has no lexical score).</summary>
    /// <param name="candidate">The sentence.</param>
    /// <param name="topCosine">The best cosine of the pool.</param>
    /// <param name="passageCosine">The best cosine of the sentence's paragraph.</param>
    /// <param name="topLexical">The best lexical score of the pool.</param>
    /// <param name="cosineRank">Its rank by cosine.</param>
    /// <param name="lexicalRank">Its rank by lexical score (0: none).</param>
    /// <param name="match">How similar the training questions this sentence answered are to the question, and the best of any sentence.</param>
    internal static float[] Of(
        CandidateSentence candidate, double topCosine, double passageCosine, double topLexical, int cosineRank, int lexicalRank, (float Sentence, float Best) match) =>
    [
        (float)candidate.Cosine,
        (float)(candidate.Cosine - topCosine),
        (float)passageCosine,
        (float)candidate.Lexical,
        (float)(candidate.Lexical - topLexical),
        (float)candidate.Bm25Rank,
        candidate.Defines ? 1f : 0f,
        1f / cosineRank,
        lexicalRank == 0 ? 0f : 1f / lexicalRank,
        (float)(candidate.Cosine * candidate.Lexical),
        match.Sentence,
        match.Sentence - match.Best,
    ];
}

using ClinicBot.Knowledge.Articles;

namespace ClinicBot.Answering.Extractive;

/// <summary>An article sentence that may answer the question, with what retrieval found out about it.</summary>
/// <param name="Sentence">The sentence.</param>
/// <param name="Passage">The paragraph it sits in.</param>
/// <param name="Concepts">Bit mask of the question's concepts the sentence mentions.</param>
/// <param name="HeadingConcepts">Bit mask of the question's concepts its section heading mentions.</param>
/// <param name="Score">What the sentence is ranked by: the learned relevance fused with the lexical rank, or the lexical score without a model.</param>
/// <param name="Defines">Whether it opens by defining what a "what is" question asks about.</param>
internal sealed record CandidateSentence(Sentence Sentence, Passage Passage, ulong Concepts, ulong HeadingConcepts, double Score, bool Defines)
{
    public string ArticleId => Passage.ArticleId;

    /// <summary>The lexical score (concept coverage with heading, rank and definition bonuses).</summary>
    public double Lexical { get; init; }

    /// <summary>The passage's BM25 score as a share of the best passage's; 0 when full-text search did not return it.</summary>
    public double Bm25Rank { get; init; }

    /// <summary>The relevance head's probability that the sentence answers the question (0 without the model).</summary>
    public double Relevance { get; init; }

    /// <summary>Cosine similarity of the sentence and the question (0 without vectors).</summary>
    public double Cosine { get; init; }
}

using ClinicBot.Knowledge.Articles;

namespace ClinicBot.Answering.Extractive;

/// <summary>A sentence of a retrieved passage, scored against the question.</summary>
/// <param name="Sentence">The article sentence.</param>
/// <param name="Passage">The passage it sits in.</param>
/// <param name="Concepts">Bit i is set when the sentence mentions the question's concept i.</param>
/// <param name="HeadingConcepts">Concepts its section heading mentions.</param>
/// <param name="Score">Relevance to the question; higher is better.</param>
/// <param name="Defines">Whether it opens by defining what a "what is" question names.</param>
internal sealed record CandidateSentence(Sentence Sentence, Passage Passage, ulong Concepts, ulong HeadingConcepts, double Score, bool Defines)
{
    public string ArticleId => Passage.ArticleId;
}

using ClinicBot.Embeddings;
using ClinicBot.Knowledge.Search;

namespace ClinicBot.Answering.Retrieval;

/// <summary>
/// Turns a request into what retrieval reads: the concepts of the question and its sentence vector. A Spanish question
/// is read in its English gloss (the articles are English). A follow-up is read together with the previous question;
/// the vector triage computed for the message is reused when the message stands alone.
/// </summary>
public sealed class QuestionReader(QueryAnalyzer analyzer, FollowUpRules followUps, SpanishGloss gloss, SentenceEmbedder? embedder)
{
    /// <summary>Reads a question.</summary>
    public ReadQuestion Read(AnswerRequest request)
    {
        var english = gloss.EmbeddingInput(request.Text, request.Locale);
        var alone = analyzer.Analyze(english);
        if (request.Previous is { } previous && followUps.IsFollowUp(request.Text, alone))
        {
            var together = gloss.EmbeddingInput(previous.Text.TrimEnd() + " " + request.Text, request.Locale);
            return new ReadQuestion(analyzer.Analyze(together), embedder?.Embed(together), true);
        }

        return new ReadQuestion(alone, request.Embedding ?? embedder?.Embed(english), false);
    }
}

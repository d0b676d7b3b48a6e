using System.Numerics.Tensors;
using ClinicBot.Embeddings;
using ClinicBot.Knowledge.Search;

namespace ClinicBot.Answering.Retrieval;

/// <summary>
/// Turns a request into what retrieval reads: the concepts of the question and its sentence vector. A Spanish question
/// is read in its English gloss (the articles are English). A follow-up is read together with the previous question.
/// The vector triage computed for the message is reused, so the model does not run again for the answer.
/// </summary>
public sealed class QuestionReader(QueryAnalyzer analyzer, FollowUpRules followUps, SpanishGloss gloss, SentenceEmbedder? embedder)
{
    /// <summary>Reads a question: with the previous one when the follow-up rules say it leans on it, else alone.</summary>
    public ReadQuestion Read(AnswerRequest request)
    {
        var (alone, together) = Readings(request);
        return together ?? alone;
    }

    /// <summary>
    /// Both ways a message can be read: alone, and (when the follow-up rules say it may lean on the previous question)
    /// together with the previous question, else null. The answerer keeps the reading that resembles more closely a
    /// question it has learned from, so "different question: is it FDA approved?" is not dragged into the last topic.
    /// </summary>
    public (ReadQuestion Alone, ReadQuestion? Together) Readings(AnswerRequest request)
    {
        var english = gloss.EmbeddingInput(request.Text, request.Locale);
        var analysis = analyzer.Analyze(english);
        var vector = request.Embedding ?? embedder?.Embed(english);
        var alone = new ReadQuestion(analysis, vector, false);
        if (request.Previous is not { } previous || !followUps.IsFollowUp(request.Text, analysis)) return (alone, null);

        var previousEnglish = gloss.EmbeddingInput(previous.Text, request.Locale);
        var together = analyzer.Analyze(previousEnglish.TrimEnd() + " " + english);
        return (alone, new ReadQuestion(together, Mean(vector, embedder?.Embed(previousEnglish)), true));
    }

    // The follow-up's meaning with the previous question's: the normalised sum of the two unit vectors. The previous
    // question was embedded on its own turn, so the model's cache answers it: no second model run.
    private static float[]? Mean(float[]? current, float[]? previous)
    {
        if (current is null || previous is null) return current ?? previous;
        var sum = new float[current.Length];
        TensorPrimitives.Add(current, previous, sum);
        var norm = TensorPrimitives.Norm(sum);
        if (norm > 0) TensorPrimitives.Divide(sum, norm, sum);
        return sum;
    }
}

namespace ClinicBot.Answering.Model;

/// <summary>
/// The answerer's learned parts: how relevant an article sentence is to a question, what the question's meaning says
/// about whether the articles answer such questions (a prior over its vector and the nearest training questions), and
/// whether the best sentences answer it (below <see cref="AnswerThreshold"/> the bot abstains and offers staff).
/// </summary>
/// <param name="Relevance">Scores a sentence from <see cref="Retrieval.RelevanceFeatures"/>.</param>
/// <param name="Answer">Scores the whole answer from <see cref="Confidence.AnswerSignals"/>.</param>
/// <param name="AnswerThreshold">The answer probability at which the bot answers (chosen on validation).</param>
public sealed record AnswerModel(LinearHead Relevance, LinearHead Answer, double AnswerThreshold)
{
    /// <summary>A logistic regression over the question's vector: answerable or not, by meaning alone.</summary>
    public LinearHead? Prior { get; init; }

    /// <summary>The training questions' vectors and labels.</summary>
    public QuestionMemory? Memory { get; init; }
}

namespace ClinicBot.Training.Answers;

/// <summary>How the answerer did on one authored question.</summary>
/// <param name="Example">The question.</param>
/// <param name="Answered">It answered rather than abstained.</param>
/// <param name="CitedRight">It cited at least one article the example lists.</param>
/// <param name="AllKeyFacts">Its text states every key fact (any alternative, any case).</param>
/// <param name="Grounded">Every sentence of the answer is found in an article it cites.</param>
/// <param name="Reason">Why it abstained, when it did.</param>
public sealed record AnswerOutcome(AnswerExample Example, bool Answered, bool CitedRight, bool AllKeyFacts, bool Grounded, string? Reason)
{
    /// <summary>Right for its kind: an answerable question answered, citing a right article, with every key fact; an unanswerable one abstained on.</summary>
    public bool IsRight => Example.Answerable ? Answered && CitedRight && AllKeyFacts : !Answered;
}

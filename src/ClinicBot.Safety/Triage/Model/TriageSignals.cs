namespace ClinicBot.Safety.Triage.Model;

/// <summary>Everything triage read of one message, before any threshold: what the rules said and what the model said.</summary>
/// <param name="Ruled">The rules' verdict.</param>
/// <param name="Alone">The model on the whole message.</param>
/// <param name="Context">The model on the message read with the previous ones, or null without them.</param>
/// <param name="Embedding">The message's sentence vector.</param>
/// <param name="MemoryVote">The nearest training messages' crisis vote (<see cref="TriageMemory"/>), or null without a memory.</param>
internal sealed record TriageSignals(TriageResult Ruled, RouteScores Alone, RouteScores? Context, float[] Embedding, double? MemoryVote)
{
    /// <summary>
    /// The crisis score of the message alone: the model's crisis probability, blended with the memory's vote by the
    /// file's weight when there is one.
    /// </summary>
    public double CrisisScore(TriageModelFile file) =>
        MemoryVote is { } vote ? ((1 - file.MemoryWeight) * Alone[TriageRoute.Crisis]) + (file.MemoryWeight * vote) : Alone[TriageRoute.Crisis];
}

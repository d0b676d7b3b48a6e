namespace ClinicBot.Safety.Triage.Model;

/// <summary>Everything triage read of one message, before any threshold: what the rules said and what the model said.</summary>
/// <param name="Ruled">The rules' verdict.</param>
/// <param name="Alone">The model on the whole message.</param>
/// <param name="Context">The model on the message read with the previous ones, or null without them.</param>
/// <param name="Embedding">The message's sentence vector.</param>
/// <param name="MemoryVotes">The nearest training messages' votes per route (<see cref="TriageMemory"/>), or null without a memory.</param>
internal sealed record TriageSignals(TriageResult Ruled, RouteScores Alone, RouteScores? Context, float[] Embedding, RouteScores? MemoryVotes)
{
    /// <summary>
    /// The crisis score of the message alone: the model's crisis probability, blended with the memory's crisis vote by
    /// the file's weight when there is one.
    /// </summary>
    public double CrisisScore(TriageModelFile file) =>
        MemoryVotes is { } votes ? ((1 - file.MemoryWeight) * Alone[TriageRoute.Crisis]) + (file.MemoryWeight * votes[TriageRoute.Crisis]) : Alone[TriageRoute.Crisis];

    /// <summary>The route scores of the message alone for the routes other than crisis, blended the same way with the file's route weight.</summary>
    public RouteScores RouteScores(TriageModelFile file) =>
        MemoryVotes is { } votes && file.MemoryRouteWeight > 0 ? Alone.Blend(votes, file.MemoryRouteWeight) : Alone;
}

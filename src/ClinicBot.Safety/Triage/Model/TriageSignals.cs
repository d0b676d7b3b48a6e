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
    public double CrisisScore(TriageModelFile file) => BlendedCrisis(Alone, MemoryVotes, file);

    /// <summary>The model and the memory on each sentence of a message of several (<see cref="MessageParts"/>); empty for one sentence.</summary>
    public IReadOnlyList<PartSignals> Parts { get; init; } = [];

    /// <summary>
    /// The rules' route with the crisis rules set aside, when only crisis rules the model may overrule matched
    /// (<see cref="TriageRules.CrisisRulesTheModelMayOverrule"/>); otherwise null.
    /// </summary>
    public TriageResult? RuledBeyondCrisis { get; init; }

    /// <summary>The highest crisis score anything read: the model and the memory on the message, on each sentence and with the previous messages.</summary>
    public double HighestCrisisScore(TriageModelFile file) => new[]
    {
        Alone[TriageRoute.Crisis], CrisisScore(file), PartCrisisScore(file), Context?[TriageRoute.Crisis] ?? 0,
        Parts.Count == 0 ? 0 : Parts.Max(p => p.Alone[TriageRoute.Crisis]),
    }.Max();

    /// <summary>The highest crisis score of a sentence read on its own, blended with the memory like <see cref="CrisisScore"/>; 0 for one sentence.</summary>
    public double PartCrisisScore(TriageModelFile file) =>
        Parts.Count == 0 ? 0 : Parts.Max(p => BlendedCrisis(p.Alone, p.MemoryVotes, file));

    /// <summary>The route scores of the message alone for the routes other than crisis, blended the same way with the file's route weight.</summary>
    public RouteScores RouteScores(TriageModelFile file) =>
        MemoryVotes is { } votes && file.MemoryRouteWeight > 0 ? Alone.Blend(votes, file.MemoryRouteWeight) : Alone;

    /// <summary>
    /// The route scores for the routes other than crisis given the previous messages (<see cref="TriageModelFile.ContextRouteWeight"/>):
    /// <see cref="RouteScores"/> blended with the reading in context. What came before never takes a clinical or
    /// injection reading away: a message that is one on its own keeps its own scores. Without previous messages or
    /// weight, <see cref="RouteScores"/>.
    /// </summary>
    public RouteScores RouteScoresInContext(TriageModelFile file)
    {
        var own = RouteScores(file);
        if (Context is not { } context || file.ContextRouteWeight <= 0) return own;

        var (route, probability) = own.Top(TriageRoute.Crisis);
        if (IsKeptAlone(route) && probability >= file.RouteThreshold) return own;
        return own.Blend(context, file.ContextRouteWeight);
    }

    // The readings a message keeps whatever came before: personal clinical questions and attempts on the rules.
    private static bool IsKeptAlone(TriageRoute route) => route is TriageRoute.Clinical or TriageRoute.Injection;

    private static double BlendedCrisis(RouteScores alone, RouteScores? votes, TriageModelFile file) =>
        votes is null ? alone[TriageRoute.Crisis] : ((1 - file.MemoryWeight) * alone[TriageRoute.Crisis]) + (file.MemoryWeight * votes[TriageRoute.Crisis]);
}

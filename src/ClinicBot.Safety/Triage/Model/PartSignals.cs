namespace ClinicBot.Safety.Triage.Model;

/// <summary>What the model and the memory read of one sentence of a message.</summary>
/// <param name="Alone">The model on the sentence.</param>
/// <param name="MemoryVotes">The nearest training messages' votes, or null without a memory.</param>
internal sealed record PartSignals(RouteScores Alone, RouteScores? MemoryVotes);

namespace ClinicBot.Safety.Triage.Model;

/// <summary>Everything triage read of one message, before any threshold: what the rules said and what the model said.</summary>
/// <param name="Ruled">The rules' verdict.</param>
/// <param name="Alone">The model on the whole message.</param>
/// <param name="Context">The model on the message read with the previous ones, or null without them.</param>
/// <param name="Embedding">The message's sentence vector.</param>
internal sealed record TriageSignals(TriageResult Ruled, RouteScores Alone, RouteScores? Context, float[] Embedding);

using ClinicBot.Safety.Triage.Model;

namespace ClinicBot.Safety.Triage;

/// <summary>The outcome of triaging one message.</summary>
/// <param name="Route">Where the message goes.</param>
/// <param name="Reasons">Ids of the rules of <paramref name="Route"/> that matched, in file order (e.g. <c>crisis.suicidal_ideation.indirect</c>), then the model's score when it had a say (<c>model.crisis:0.93</c>, <c>model.context.crisis:0.81</c> when read with the previous messages).</param>
/// <param name="ResponseKey">The template key in <c>prompts/responses/safety.yaml</c> to reply with; empty for Education (the answer engine replies).</param>
public sealed record TriageResult(TriageRoute Route, IReadOnlyList<string> Reasons, string ResponseKey)
{
    /// <summary>No rule matched: an ordinary question for the answer engine.</summary>
    public static TriageResult Education { get; } = new(TriageRoute.Education, [], "");

    /// <summary>Whether a crisis exclusion (an idiom, a negation, past history) blanked out part of the message.</summary>
    public bool CrisisWordingExcluded { get; init; }

    /// <summary>The model's probabilities for the message alone; null when triage runs on rules only.</summary>
    public RouteScores? Scores { get; init; }

    /// <summary>The model's probabilities for the message read with the previous ones; null without context or model.</summary>
    public RouteScores? ContextScores { get; init; }

    /// <summary>The message's sentence vector, computed once per turn and offered to the answerer; null without a model.</summary>
    public float[]? Embedding { get; init; }
}

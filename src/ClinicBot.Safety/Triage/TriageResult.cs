namespace ClinicBot.Safety.Triage;

/// <summary>The outcome of triaging one message.</summary>
/// <param name="Route">Where the message goes.</param>
/// <param name="Reasons">Ids of the rules of <paramref name="Route"/> that matched, in file order (e.g. <c>crisis.suicidal_ideation.indirect</c>); empty for Education.</param>
/// <param name="ResponseKey">The template key in <c>prompts/responses/safety.yaml</c> to reply with; empty for Education (the answer engine replies).</param>
public sealed record TriageResult(TriageRoute Route, IReadOnlyList<string> Reasons, string ResponseKey)
{
    /// <summary>No rule matched: an ordinary question for the answer engine.</summary>
    public static TriageResult Education { get; } = new(TriageRoute.Education, [], "");
}

using System.Text.Json.Serialization;

namespace ClinicBot.Conversations.Turns;

/// <summary>
/// What the bot says back: the public contract every channel carries (the <c>clinicbot/reply</c> entity, <c>ask --json</c>).
/// Fields may be added; the existing ones are never renamed.
/// </summary>
/// <param name="Route">One of <see cref="Routes"/>.</param>
/// <param name="Text">The message for the patient, formatted for the channel; empty when staff hold the conversation and nothing is sent.</param>
/// <param name="Sources">Ids of the articles the text cites (empty when it cites none).</param>
/// <param name="Escalation">The staff escalation this turn raised, or null.</param>
public sealed record Reply(
    [property: JsonPropertyName("route")] string Route,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources,
    [property: JsonPropertyName("escalation")] EscalationSummary? Escalation)
{
    /// <summary>Which composer wrote an answer ("extractive"), or null for templates.</summary>
    [JsonPropertyName("composer")]
    public string? Composer { get; init; }

    /// <summary>For answers and abstentions: the share of the question the quoted article text covers (0 to 1).</summary>
    [JsonPropertyName("confidence")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }

    /// <summary>Why the bot chose this route: triage rule ids, or the abstention reason.</summary>
    [JsonPropertyName("reasons")]
    public IReadOnlyList<string> Reasons { get; init; } = [];
}

using System.Text.Json.Serialization;

namespace ClinicBot.Conversations.Turns;

/// <summary>The escalation part of the reply contract.</summary>
/// <param name="Priority">"urgent" (crisis) or "normal".</param>
/// <param name="Reason">Why staff are needed: crisis, clinical, requested, low_confidence.</param>
public sealed record EscalationSummary(
    [property: JsonPropertyName("priority")] string Priority,
    [property: JsonPropertyName("reason")] string Reason);

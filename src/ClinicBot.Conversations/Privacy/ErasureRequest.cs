namespace ClinicBot.Conversations.Privacy;

/// <summary>Who is to be forgotten, and who asked.</summary>
/// <param name="ConversationId">A conversation of the patient, as the turn pipeline keys it (<c>directline:{id}</c>, <c>sms:{hash}</c>, a Bot Framework key).</param>
/// <param name="Channel">The channel's name ("web", "sms"), for the audit entry.</param>
/// <param name="Actor">Who asked: <see cref="ErasureActors.Patient"/>, or the staff member's email.</param>
/// <param name="At">When.</param>
public sealed record ErasureRequest(string ConversationId, string Channel, string Actor, DateTimeOffset At)
{
    /// <summary>The escalation staff erased from, named in the audit entry; null when the patient asked.</summary>
    public string? EscalationId { get; init; }
}

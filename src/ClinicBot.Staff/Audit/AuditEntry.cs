namespace ClinicBot.Staff.Audit;

/// <summary>Who did what to which escalation, and when (HIPAA audit controls).</summary>
/// <param name="Actor">The staff member's email.</param>
/// <param name="Action">viewed, claimed, replied, resolved, signed_in, sign_in_failed, sign_in_held_back, signed_out; and, on the account itself,
/// password_reset, disabled, enabled.</param>
/// <param name="EscalationId">The escalation acted on, or null.</param>
/// <param name="At">When.</param>
public sealed record AuditEntry(string Actor, string Action, string? EscalationId, DateTimeOffset At);

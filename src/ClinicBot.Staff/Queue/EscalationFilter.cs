namespace ClinicBot.Staff.Queue;

/// <summary>Which escalations a queue listing shows; null fields do not filter.</summary>
/// <param name="Status">Only this status; by default everything not resolved.</param>
/// <param name="Priority">Only this priority.</param>
/// <param name="IncludeResolved">Whether resolved escalations are listed when no status is given.</param>
public sealed record EscalationFilter(string? Status = null, string? Priority = null, bool IncludeResolved = false);

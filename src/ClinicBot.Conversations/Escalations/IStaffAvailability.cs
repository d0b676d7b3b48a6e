namespace ClinicBot.Conversations.Escalations;

/// <summary>Whether staff are in now, so a reply raising a non-urgent escalation can say when to expect an answer.</summary>
public interface IStaffAvailability
{
    /// <summary>Null while the clinic is open; otherwise when it next opens, worded for the locale ("Monday at 9:00 AM").</summary>
    string? NextOpening(DateTimeOffset now, string locale);
}

using ClinicBot.Conversations.Escalations;

namespace ClinicBot.Staff.Sla;

/// <summary>When an escalation is due: urgent ones in minutes at any hour, normal ones in business hours.</summary>
public sealed class SlaPolicy(SlaOptions options, BusinessCalendar calendar)
{
    /// <summary>The SLA due time of an escalation raised at <paramref name="createdAt"/>.</summary>
    public DateTimeOffset DueAt(string priority, DateTimeOffset createdAt) =>
        priority == EscalationPriority.Urgent
            ? createdAt.AddMinutes(options.UrgentMinutes)
            : calendar.AddBusinessHours(createdAt, options.NormalBusinessHours);
}

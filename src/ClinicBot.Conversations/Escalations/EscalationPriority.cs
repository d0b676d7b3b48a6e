namespace ClinicBot.Conversations.Escalations;

/// <summary>The <c>priority</c> values of an escalation.</summary>
public static class EscalationPriority
{
    /// <summary>A crisis: staff must look now (default SLA 5 minutes).</summary>
    public const string Urgent = "urgent";

    /// <summary>Everything else that needs a person (default SLA 4 business hours).</summary>
    public const string Normal = "normal";
}

namespace ClinicBot.Staff.Queue;

/// <summary>An escalation's place in its lifecycle: open, then claimed by a staff member, then resolved.</summary>
public static class EscalationStatus
{
    /// <summary>Waiting for a staff member.</summary>
    public const string Open = "open";

    /// <summary>A staff member holds the conversation; the bot stays quiet except for crisis triage.</summary>
    public const string Claimed = "claimed";

    /// <summary>Handled; the conversation is back with the bot.</summary>
    public const string Resolved = "resolved";
}

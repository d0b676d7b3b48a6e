using System.ComponentModel.DataAnnotations;

namespace ClinicBot.Staff.Sla;

/// <summary>How fast staff must pick up an escalation, bound from <c>Staff:Sla</c>.</summary>
public sealed class SlaOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Staff:Sla";

    /// <summary>Minutes to pick up an urgent (crisis) escalation, at any hour. Default 5.</summary>
    [Range(1, 1440)]
    public int UrgentMinutes { get; set; } = 5;

    /// <summary>Business hours to pick up a normal escalation, counted only while the clinic is open. Default 4.</summary>
    [Range(0.25, 200)]
    public double NormalBusinessHours { get; set; } = 4;
}

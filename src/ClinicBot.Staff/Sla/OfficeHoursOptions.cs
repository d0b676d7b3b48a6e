using System.ComponentModel.DataAnnotations;

namespace ClinicBot.Staff.Sla;

/// <summary>When the clinic's staff answer, bound from <c>Clinic:OfficeHours</c>.</summary>
public sealed class OfficeHoursOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Clinic:OfficeHours";

    /// <summary>IANA time zone of the clinic. Default <c>America/Los_Angeles</c>.</summary>
    [Required]
    public string TimeZone { get; set; } = "America/Los_Angeles";

    /// <summary>Opening time, local. Default 09:00.</summary>
    public TimeOnly Opens { get; set; } = new(9, 0);

    /// <summary>Closing time, local. Default 17:00.</summary>
    public TimeOnly Closes { get; set; } = new(17, 0);

    /// <summary>Days the clinic is open. Default Monday to Friday.</summary>
    public List<DayOfWeek> Days { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
}

using System.Globalization;
using ClinicBot.Conversations.Escalations;
using ClinicBot.Prompts;

namespace ClinicBot.Staff.Sla;

/// <summary>Staff availability from the clinic's office hours, in the clinic's time zone.</summary>
public sealed class OfficeHoursAvailability(BusinessCalendar calendar, OfficeHoursOptions hours) : IStaffAvailability
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone);

    /// <inheritdoc />
    public string? NextOpening(DateTimeOffset now, string locale)
    {
        if (calendar.IsOpen(now)) return null;
        var opening = TimeZoneInfo.ConvertTime(calendar.NextOpening(now), _zone);
        return locale == Locales.Spanish
            ? opening.ToString("dddd 'a las' H:mm", CultureInfo.GetCultureInfo("es-US"))
            : opening.ToString("dddd 'at' h:mm tt", CultureInfo.GetCultureInfo("en-US"));
    }
}

namespace ClinicBot.Staff.Sla;

/// <summary>Clock arithmetic in the clinic's office hours: when it next opens, and a deadline in business hours.</summary>
public sealed class BusinessCalendar
{
    private readonly OfficeHoursOptions _hours;
    private readonly TimeZoneInfo _zone;

    /// <summary>Uses the configured time zone and hours.</summary>
    public BusinessCalendar(OfficeHoursOptions hours)
    {
        if (hours.Closes <= hours.Opens) throw new ArgumentException("Office hours must close after they open.", nameof(hours));
        if (hours.Days.Count == 0) throw new ArgumentException("Office hours need at least one open day.", nameof(hours));
        _hours = hours;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone);
    }

    /// <summary>Whether the clinic is open at this instant.</summary>
    public bool IsOpen(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, _zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return _hours.Days.Contains(local.DayOfWeek) && time >= _hours.Opens && time < _hours.Closes;
    }

    /// <summary>The instant itself if open, otherwise the next opening.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset at)
    {
        if (IsOpen(at)) return at;
        var local = TimeZoneInfo.ConvertTime(at, _zone).DateTime;
        for (var day = 0; day <= 7; day++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(day);
            if (!_hours.Days.Contains(date.DayOfWeek)) continue;
            var opening = date.ToDateTime(_hours.Opens);
            if (opening > local) return Local(opening);
        }

        throw new InvalidOperationException("No opening within a week.");
    }

    /// <summary>The instant after <paramref name="hours"/> of open time have passed from <paramref name="start"/>.</summary>
    public DateTimeOffset AddBusinessHours(DateTimeOffset start, double hours)
    {
        var remaining = TimeSpan.FromHours(hours);
        var at = NextOpening(start);
        while (true)
        {
            var local = TimeZoneInfo.ConvertTime(at, _zone).DateTime;
            var closing = Local(DateOnly.FromDateTime(local).ToDateTime(_hours.Closes));
            var openToday = closing - at;
            if (remaining <= openToday) return at + remaining;
            remaining -= openToday;
            at = NextOpening(closing);
        }
    }

    private DateTimeOffset Local(DateTime local) => new(local, _zone.GetUtcOffset(local));
}

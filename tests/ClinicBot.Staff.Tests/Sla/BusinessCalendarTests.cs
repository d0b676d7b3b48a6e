using ClinicBot.Staff.Sla;

namespace ClinicBot.Staff.Tests.Sla;

public sealed class BusinessCalendarTests
{
    private static readonly TimeSpan Pacific = TimeSpan.FromHours(-8);
    private readonly BusinessCalendar _calendar = new(new OfficeHoursOptions());

    [Fact]
    public void AddBusinessHours_FridayAfternoon_ContinuesMondayMorning()
    {
        var friday4pm = new DateTimeOffset(2026, 11, 20, 16, 0, 0, Pacific);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 0, 0, Pacific), _calendar.AddBusinessHours(friday4pm, 4));
    }

    [Fact]
    public void AddBusinessHours_SundayNight_StartsAtMondayOpening()
    {
        var sunday11pm = new DateTimeOffset(2026, 11, 22, 23, 0, 0, Pacific);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, Pacific), _calendar.AddBusinessHours(sunday11pm, 4));
    }

    [Theory]
    [InlineData(2026, 11, 18, 10, true)]
    [InlineData(2026, 11, 18, 17, false)]
    [InlineData(2026, 11, 21, 10, false)]
    public void IsOpen_LocalTime_FollowsOfficeHours(int year, int month, int day, int hour, bool open)
    {
        Assert.Equal(open, _calendar.IsOpen(new DateTimeOffset(year, month, day, hour, 0, 0, Pacific)));
    }
}

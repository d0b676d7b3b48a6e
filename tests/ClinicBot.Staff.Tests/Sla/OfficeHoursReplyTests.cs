namespace ClinicBot.Staff.Tests.Sla;

/// <summary>Outside office hours, a request for staff says when to expect a reply; a crisis never waits on the hour.</summary>
public sealed class OfficeHoursReplyTests : IDisposable
{
    private static readonly DateTimeOffset SaturdayNoon = new(2026, 11, 21, 12, 0, 0, TimeSpan.FromHours(-8));
    private readonly StaffHost _host = new(now: SaturdayNoon);

    [Fact]
    public async Task Human_OnSaturday_SaysStaffAreBackMonday()
    {
        var reply = await _host.SayAsync("weekend", "Can I talk to a real person please?");

        Assert.Contains("expect a reply Monday at 9:00", reply.Text, StringComparison.Ordinal);
        var escalation = await _host.OnlyEscalationAsync("weekend");
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.FromHours(-8)), escalation.DueAt);
    }

    [Fact]
    public async Task Crisis_OnSaturday_GivesResourcesWithoutWaiting()
    {
        var reply = await _host.SayAsync("weekend-crisis", "I want to kill myself");

        Assert.Contains("988", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Monday", reply.Text, StringComparison.Ordinal);
        Assert.Equal(SaturdayNoon.AddMinutes(5), (await _host.OnlyEscalationAsync("weekend-crisis")).DueAt);
    }

    [Fact]
    public async Task Human_DuringOfficeHours_SaysNothingAboutClosing()
    {
        using var weekday = new StaffHost(now: new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(-8)));

        var reply = await weekday.SayAsync("weekday", "Can I talk to a real person please?");

        Assert.DoesNotContain("closed", reply.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _host.Dispose();
}

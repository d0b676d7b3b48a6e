using System.ComponentModel.DataAnnotations;
using ClinicBot.Staff.Accounts;

namespace ClinicBot.Staff.Tests.Accounts;

/// <summary>The backoff settings must make sense together; start-up refuses ones that do not, saying which.</summary>
public sealed class StaffAccountOptionsTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.Empty(Problems(new StaffAccountOptions()));

    [Theory]
    [InlineData("00:00:00", "00:15:00", "1.00:00:00", "FirstBackoff")]
    [InlineData("00:01:00", "00:00:30", "1.00:00:00", "LockoutDuration")]
    [InlineData("00:00:30", "00:15:00", "00:10:00", "FailureMemory")]
    public void Backoff_Inconsistent_IsRefusedNamingTheSetting(string first, string longest, string memory, string named)
    {
        var options = new StaffAccountOptions { FirstBackoff = TimeSpan.Parse(first), LockoutDuration = TimeSpan.Parse(longest), FailureMemory = TimeSpan.Parse(memory) };

        Assert.Contains(Problems(options), p => p.MemberNames.Contains(named));
    }

    private static List<ValidationResult> Problems(StaffAccountOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}

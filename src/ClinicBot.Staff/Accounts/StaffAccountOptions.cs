using System.ComponentModel.DataAnnotations;

namespace ClinicBot.Staff.Accounts;

/// <summary>Sign-in rules, bound from <c>Staff:Accounts</c>.</summary>
public sealed class StaffAccountOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Staff:Accounts";

    /// <summary>Consecutive failures that lock an account. Default 5.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Shortest password accepted when an account is created. Default 12.</summary>
    [Range(8, 128)]
    public int MinimumPasswordLength { get; set; } = 12;
}

using System.ComponentModel.DataAnnotations;

namespace ClinicBot.Staff.Accounts;

/// <summary>Sign-in rules, bound from <c>Staff:Accounts</c>.</summary>
public sealed class StaffAccountOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Staff:Accounts";

    /// <summary>
    /// Failures on one account from one client address before that address must wait to try that account again. Default 5.
    /// Another address (the staff member's own) is not held back by them.
    /// </summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>Failures from one client address, whatever the accounts, before that address must wait. Default 20.</summary>
    [Range(1, 1000)]
    public int MaxFailedAttemptsPerAddress { get; set; } = 20;

    /// <summary>The first wait once a limit is reached; each further failure doubles it. Default 30 seconds.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait the doubling reaches. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures are forgotten once none has followed for this long. Default 24 hours.</summary>
    public TimeSpan FailureMemory { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Shortest password accepted when an account is created or its password reset. Default 12.</summary>
    [Range(8, 128)]
    public int MinimumPasswordLength { get; set; } = 12;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FirstBackoff <= TimeSpan.Zero) yield return new("FirstBackoff must be positive.", [nameof(FirstBackoff)]);
        if (LockoutDuration < FirstBackoff) yield return new("LockoutDuration (the longest wait) must be at least FirstBackoff.", [nameof(LockoutDuration)]);
        if (FailureMemory < LockoutDuration) yield return new("FailureMemory must be at least LockoutDuration.", [nameof(FailureMemory)]);
    }
}

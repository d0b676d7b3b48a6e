namespace ClinicBot.Staff.Accounts;

/// <summary>Persistence of staff accounts.</summary>
public interface IStaffAccountStore
{
    /// <summary>Adds an account; false if the email is taken.</summary>
    Task<bool> AddAsync(StaffAccount account, CancellationToken cancellationToken);

    /// <summary>The account with this (lowercase) email, or null.</summary>
    Task<StaffAccount?> FindAsync(string email, CancellationToken cancellationToken);

    /// <summary>Stores the outcome of a sign-in attempt.</summary>
    Task UpdateSignInStateAsync(string email, int failedAttempts, DateTimeOffset? lockedUntil, CancellationToken cancellationToken);
}

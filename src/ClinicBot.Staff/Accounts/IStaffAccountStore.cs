namespace ClinicBot.Staff.Accounts;

/// <summary>Persistence of staff accounts.</summary>
public interface IStaffAccountStore
{
    /// <summary>Adds an account; false if the email is taken.</summary>
    Task<bool> AddAsync(StaffAccount account, CancellationToken cancellationToken);

    /// <summary>The account with this (lowercase) email, or null.</summary>
    Task<StaffAccount?> FindAsync(string email, CancellationToken cancellationToken);

    /// <summary>Replaces the password hash and the security stamp; false if there is no such account.</summary>
    Task<bool> SetPasswordAsync(string email, string passwordHash, string securityStamp, CancellationToken cancellationToken);

    /// <summary>Disables (<paramref name="disabledAt"/> set) or enables (null) the account and replaces its stamp; false if there is no such account.</summary>
    Task<bool> SetDisabledAsync(string email, DateTimeOffset? disabledAt, string securityStamp, CancellationToken cancellationToken);

    /// <summary>Replaces the security stamp (ends every session); false if there is no such account.</summary>
    Task<bool> SetSecurityStampAsync(string email, string securityStamp, CancellationToken cancellationToken);
}

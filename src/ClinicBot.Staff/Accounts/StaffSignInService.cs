using Microsoft.AspNetCore.Identity;

namespace ClinicBot.Staff.Accounts;

/// <summary>
/// Checks a sign-in with ASP.NET Core's PasswordHasher behind <see cref="SignInThrottle"/>. An unknown email, a wrong
/// password and a disabled account get the same outcome and take about as long (a password is hashed whichever), and
/// each counts as a failure, so nothing tells a stranger which emails have accounts.
/// </summary>
public sealed class StaffSignInService(IStaffAccountStore store, SignInThrottle throttle)
{
    // Verified when the email is unknown, so that answer costs one hash like a wrong password does.
    private static readonly string DummyHash = new PasswordHasher<StaffAccount>().HashPassword(Blank, "not a password of anyone");

    private static StaffAccount Blank => new("", "", "", "", null);

    private readonly PasswordHasher<StaffAccount> _hasher = new();

    /// <summary>Checks the email and password tried from <paramref name="address"/> and counts the outcome.</summary>
    public async Task<SignInResult> SignInAsync(string email, string password, string address, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var wait = await throttle.WaitAsync(normalized, address, cancellationToken);
        if (wait > TimeSpan.Zero) return new SignInResult(SignInOutcome.Throttled, RetryAfter: wait);

        var account = await store.FindAsync(normalized, cancellationToken);
        var verified = _hasher.VerifyHashedPassword(account ?? Blank, account?.PasswordHash ?? DummyHash, password) != PasswordVerificationResult.Failed;
        if (account is null || !verified || account.DisabledAt is not null)
        {
            await throttle.FailedAsync(normalized, address, cancellationToken);
            return new SignInResult(SignInOutcome.Invalid);
        }

        await throttle.SucceededAsync(normalized, address, cancellationToken);
        return new SignInResult(SignInOutcome.Success, account);
    }
}

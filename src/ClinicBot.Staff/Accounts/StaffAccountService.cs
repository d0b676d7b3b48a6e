using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Accounts;

/// <summary>
/// Creates staff accounts and checks sign-ins with ASP.NET Core's PasswordHasher, locking an account after
/// repeated failures. There are no default accounts: the first is made with <c>clinicbot staff add</c>.
/// </summary>
public sealed class StaffAccountService(IStaffAccountStore store, IOptions<StaffAccountOptions> options, TimeProvider time)
{
    private readonly PasswordHasher<StaffAccount> _hasher = new();

    /// <summary>Creates an account; returns an error message instead when the input is not acceptable.</summary>
    public async Task<string?> CreateAsync(string email, string name, string password, CancellationToken cancellationToken)
    {
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email.Trim()) return "not a valid email address";
        if (string.IsNullOrWhiteSpace(name)) return "a name is required";
        if (password.Length < options.Value.MinimumPasswordLength) return $"the password needs at least {options.Value.MinimumPasswordLength} characters";

        var normalized = email.Trim().ToLowerInvariant();
        var account = new StaffAccount(normalized, name.Trim(), "", 0, null);
        account = account with { PasswordHash = _hasher.HashPassword(account, password) };
        return await store.AddAsync(account, cancellationToken) ? null : "an account with this email already exists";
    }

    /// <summary>Checks a sign-in and records the outcome.</summary>
    public async Task<(SignInOutcome Outcome, StaffAccount? Account)> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var account = await store.FindAsync(email.Trim().ToLowerInvariant(), cancellationToken);
        if (account is null)
        {
            // Hash anyway so an unknown email takes as long as a wrong password.
            _hasher.HashPassword(new StaffAccount("", "", "", 0, null), password);
            return (SignInOutcome.Invalid, null);
        }

        var now = time.GetUtcNow();
        if (account.LockedUntil is { } lockedUntil && lockedUntil > now) return (SignInOutcome.LockedOut, null);

        if (_hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var failures = account.FailedAttempts + 1;
            var locked = failures >= options.Value.MaxFailedAttempts ? now + options.Value.LockoutDuration : (DateTimeOffset?)null;
            await store.UpdateSignInStateAsync(account.Email, locked is null ? failures : 0, locked, cancellationToken);
            return (locked is null ? SignInOutcome.Invalid : SignInOutcome.LockedOut, null);
        }

        await store.UpdateSignInStateAsync(account.Email, 0, null, cancellationToken);
        return (SignInOutcome.Success, account);
    }
}

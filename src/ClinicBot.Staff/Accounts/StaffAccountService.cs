using System.Net.Mail;
using ClinicBot.Staff.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Accounts;

/// <summary>
/// Creates staff accounts, resets their passwords, disables and enables them (<c>clinicbot staff ...</c>). A reset or a
/// disable replaces the account's security stamp, which ends its sessions; each change is audited. There are no default
/// accounts: the first is made with <c>clinicbot staff add</c>.
/// </summary>
public sealed class StaffAccountService(IStaffAccountStore store, IAuditLog audit, IOptions<StaffAccountOptions> options, TimeProvider time)
{
    private const string NoSuchAccount = "no account with this email";

    private readonly PasswordHasher<StaffAccount> _hasher = new();

    /// <summary>Creates an account; returns an error message instead when the input is not acceptable.</summary>
    public async Task<string?> CreateAsync(string email, string name, string password, CancellationToken cancellationToken)
    {
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email.Trim()) return "not a valid email address";
        if (string.IsNullOrWhiteSpace(name)) return "a name is required";
        if (PasswordProblem(password) is { } problem) return problem;

        var account = new StaffAccount(Normalize(email), name.Trim(), "", StaffAccount.NewSecurityStamp(), null);
        account = account with { PasswordHash = _hasher.HashPassword(account, password) };
        return await store.AddAsync(account, cancellationToken) ? null : "an account with this email already exists";
    }

    /// <summary>Sets a new password and ends the account's sessions; returns an error message instead when it cannot.</summary>
    public async Task<string?> ResetPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (PasswordProblem(password) is { } problem) return problem;
        var account = await store.FindAsync(Normalize(email), cancellationToken);
        if (account is null) return NoSuchAccount;
        if (!await store.SetPasswordAsync(account.Email, _hasher.HashPassword(account, password), StaffAccount.NewSecurityStamp(), cancellationToken)) return NoSuchAccount;
        return await AuditAsync(account.Email, "password_reset", cancellationToken);
    }

    /// <summary>Disables the account: no sign-in, and its sessions end; returns an error message instead when it cannot.</summary>
    public async Task<string?> DisableAsync(string email, CancellationToken cancellationToken) =>
        await store.SetDisabledAsync(Normalize(email), time.GetUtcNow(), StaffAccount.NewSecurityStamp(), cancellationToken)
            ? await AuditAsync(Normalize(email), "disabled", cancellationToken)
            : NoSuchAccount;

    /// <summary>Lets a disabled account sign in again (its old sessions stay ended); returns an error message instead when it cannot.</summary>
    public async Task<string?> EnableAsync(string email, CancellationToken cancellationToken) =>
        await store.SetDisabledAsync(Normalize(email), null, StaffAccount.NewSecurityStamp(), cancellationToken)
            ? await AuditAsync(Normalize(email), "enabled", cancellationToken)
            : NoSuchAccount;

    private string? PasswordProblem(string password) =>
        password.Length < options.Value.MinimumPasswordLength ? $"the password needs at least {options.Value.MinimumPasswordLength} characters" : null;

    private async Task<string?> AuditAsync(string email, string action, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(new AuditEntry(email, action, null, time.GetUtcNow()), cancellationToken);
        return null;
    }

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();
}

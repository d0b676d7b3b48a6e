using ClinicBot.Staff.Audit;

namespace ClinicBot.Staff.Accounts;

/// <summary>
/// Whether a session cookie still stands: its account exists, is not disabled, and has the security stamp the cookie
/// was issued with. Read from the store on every request, so a sign-out, a password reset or a disable ends every
/// session at once, on every host of the database.
/// </summary>
public sealed class StaffSessions(IStaffAccountStore store, IAuditLog audit, TimeProvider time)
{
    /// <summary>True while the session of <paramref name="email"/> issued with <paramref name="securityStamp"/> stands.</summary>
    public async Task<bool> IsCurrentAsync(string? email, string? securityStamp, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(securityStamp)) return false;
        var account = await store.FindAsync(email, cancellationToken);
        return account is { DisabledAt: null } && string.Equals(account.SecurityStamp, securityStamp, StringComparison.Ordinal);
    }

    /// <summary>Signs the account out everywhere: a new stamp, so no cookie issued before is accepted again; audited.</summary>
    public async Task SignOutAsync(string email, CancellationToken cancellationToken)
    {
        await store.SetSecurityStampAsync(email, StaffAccount.NewSecurityStamp(), cancellationToken);
        await audit.RecordAsync(new AuditEntry(email, "signed_out", null, time.GetUtcNow()), cancellationToken);
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Accounts;

/// <summary>
/// Backs off failed sign-ins without a lock anyone could use against someone else. Two counts: failures from a client
/// address (whatever the emails), and failures on one email from one address. Past its limit each makes that address
/// wait, <see cref="StaffAccountOptions.FirstBackoff"/> doubling with every further failure up to
/// <see cref="StaffAccountOptions.LockoutDuration"/>; the account itself is never locked, so its owner signs in from
/// their own address whatever a stranger tried. Unknown emails count exactly as known ones, so the waits say nothing
/// about which emails exist. Keys are stored as SHA-256 hashes: no address or email in the table.
/// </summary>
public sealed class SignInThrottle(ISignInFailureStore store, IOptions<StaffAccountOptions> options, TimeProvider time)
{
    /// <summary>How long this address must still wait before trying this email, or zero.</summary>
    public async Task<TimeSpan> WaitAsync(string email, string address, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var byAddress = Until(await store.FindAsync(AddressKey(address), cancellationToken), options.Value.MaxFailedAttemptsPerAddress);
        var byAccount = Until(await store.FindAsync(AccountKey(email, address), cancellationToken), options.Value.MaxFailedAttempts);
        var until = byAddress > byAccount ? byAddress : byAccount;
        return until > now ? until - now : TimeSpan.Zero;
    }

    /// <summary>Counts a failed sign-in against the address and against the email from that address.</summary>
    public async Task FailedAsync(string email, string address, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var forgetBefore = now - options.Value.FailureMemory;
        await store.RecordAsync(AddressKey(address), now, forgetBefore, cancellationToken);
        await store.RecordAsync(AccountKey(email, address), now, forgetBefore, cancellationToken);
    }

    /// <summary>A successful sign-in forgets that email's failures from that address (not the address's own count).</summary>
    public Task SucceededAsync(string email, string address, CancellationToken cancellationToken) =>
        store.ClearAsync(AccountKey(email, address), cancellationToken);

    // Past the limit, the last failure starts a wait: the first backoff, doubled for each failure beyond the limit.
    private DateTimeOffset Until(SignInFailures? failures, int limit)
    {
        if (failures is null || failures.Count < limit) return DateTimeOffset.MinValue;
        if (failures.LastAt < time.GetUtcNow() - options.Value.FailureMemory) return DateTimeOffset.MinValue;
        var doubled = options.Value.FirstBackoff.Ticks * Math.Pow(2, failures.Count - limit);
        var wait = TimeSpan.FromTicks((long)Math.Min(doubled, options.Value.LockoutDuration.Ticks));
        return failures.LastAt + wait;
    }

    private static string AddressKey(string address) => Hash("address\n" + address);

    private static string AccountKey(string email, string address) => Hash("account\n" + email + "\n" + address);

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

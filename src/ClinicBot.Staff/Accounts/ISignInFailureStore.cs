namespace ClinicBot.Staff.Accounts;

/// <summary>
/// Failed sign-ins counted per key (a client address, or an account from one address; <see cref="SignInThrottle"/> hashes
/// the keys), shared by every host on the database.
/// </summary>
public interface ISignInFailureStore
{
    /// <summary>The failures under this key, or null if none is remembered.</summary>
    Task<SignInFailures?> FindAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one more failure at <paramref name="at"/>, atomically; a count whose last failure was before
    /// <paramref name="forgetBefore"/> starts again at 1, and such stale counts of other keys are deleted. Returns the new count.
    /// </summary>
    Task<SignInFailures> RecordAsync(string keyHash, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken);

    /// <summary>Forgets the failures under this key.</summary>
    Task ClearAsync(string keyHash, CancellationToken cancellationToken);
}

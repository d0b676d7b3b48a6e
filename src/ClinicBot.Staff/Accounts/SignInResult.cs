namespace ClinicBot.Staff.Accounts;

/// <summary>The outcome of a sign-in: the account on success; otherwise why not (never which part was wrong).</summary>
public enum SignInOutcome
{
    /// <summary>Signed in.</summary>
    Success,

    /// <summary>Unknown email, wrong password or a disabled account: the same answer for each.</summary>
    Invalid,

    /// <summary>Too many failures from this address, or on this account from this address: refused until the backoff ends.</summary>
    Throttled,
}

/// <summary>A sign-in's outcome, the account when it succeeded, and how long to wait when throttled.</summary>
public sealed record SignInResult(SignInOutcome Outcome, StaffAccount? Account = null, TimeSpan RetryAfter = default);

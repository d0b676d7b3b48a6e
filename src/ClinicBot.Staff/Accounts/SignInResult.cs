namespace ClinicBot.Staff.Accounts;

/// <summary>The outcome of a sign-in: the account on success; otherwise why not (never which part was wrong).</summary>
public enum SignInOutcome
{
    /// <summary>Signed in.</summary>
    Success,

    /// <summary>Unknown email or wrong password.</summary>
    Invalid,

    /// <summary>Too many failures: refused until the lockout ends.</summary>
    LockedOut,
}

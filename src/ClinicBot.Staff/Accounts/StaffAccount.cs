using System.Security.Cryptography;

namespace ClinicBot.Staff.Accounts;

/// <summary>A staff member who may sign in to the console.</summary>
/// <param name="Email">Sign-in name, stored lowercase.</param>
/// <param name="Name">Display name.</param>
/// <param name="PasswordHash">ASP.NET Core PasswordHasher output; the password itself is never stored.</param>
/// <param name="SecurityStamp">
/// A random value every session cookie carries; replaced on sign-out, password reset and disable, which ends every
/// session signed in before.
/// </param>
/// <param name="DisabledAt">When the account was disabled (no sign-in, no session), or null.</param>
public sealed record StaffAccount(string Email, string Name, string PasswordHash, string SecurityStamp, DateTimeOffset? DisabledAt)
{
    /// <summary>A new random security stamp (128 bits, hex).</summary>
    public static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

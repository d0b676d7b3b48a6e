namespace ClinicBot.Staff.Accounts;

/// <summary>A staff member who may sign in to the console.</summary>
/// <param name="Email">Sign-in name, stored lowercase.</param>
/// <param name="Name">Display name.</param>
/// <param name="PasswordHash">ASP.NET Core PasswordHasher output; the password itself is never stored.</param>
/// <param name="FailedAttempts">Consecutive failed sign-ins.</param>
/// <param name="LockedUntil">Sign-in refused until then, or null.</param>
public sealed record StaffAccount(string Email, string Name, string PasswordHash, int FailedAttempts, DateTimeOffset? LockedUntil);

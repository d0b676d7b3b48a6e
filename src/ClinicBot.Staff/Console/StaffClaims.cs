using System.Security.Claims;

namespace ClinicBot.Staff.Console;

/// <summary>The signed-in staff member as the console's cookie carries it.</summary>
public static class StaffClaims
{
    /// <summary>The authentication scheme of the staff cookie.</summary>
    public const string Scheme = "ClinicBot.Staff";

    /// <summary>The authorization policy every staff endpoint requires.</summary>
    public const string Policy = "Staff";

    /// <summary>The claim carrying the account's security stamp when the cookie was issued.</summary>
    public const string SecurityStampType = "clinicbot:security_stamp";

    /// <summary>The principal for an account.</summary>
    public static ClaimsPrincipal For(string email, string name, string securityStamp) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Email, email), new Claim(ClaimTypes.Name, name), new Claim(SecurityStampType, securityStamp)], Scheme));

    /// <summary>The signed-in staff member's email.</summary>
    public static string Email(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email)!;

    /// <summary>The security stamp the cookie was issued with, or null (a cookie from before stamps).</summary>
    public static string? SecurityStamp(this ClaimsPrincipal user) => user.FindFirstValue(SecurityStampType);

    /// <summary>The signed-in staff member's display name.</summary>
    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name)!;
}

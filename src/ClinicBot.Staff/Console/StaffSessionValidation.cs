using System.Security.Claims;
using ClinicBot.Staff.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Staff.Console;

/// <summary>
/// The cookie's check on every request: a cookie whose account is gone or disabled, or whose security stamp is no longer
/// the account's (signed out, password reset), is refused and cleared, so the request is answered as signed out (401).
/// </summary>
internal static class StaffSessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<StaffSessions>();
        var user = context.Principal;
        if (await sessions.IsCurrentAsync(user?.FindFirstValue(ClaimTypes.Email), user?.SecurityStamp(), context.HttpContext.RequestAborted)) return;

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(StaffClaims.Scheme);
    }
}

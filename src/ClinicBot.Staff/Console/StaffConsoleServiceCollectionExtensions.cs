using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Staff.Console;

/// <summary>Cookie sign-in, the staff policy, antiforgery and live queue events for the console and its API.</summary>
public static class StaffConsoleServiceCollectionExtensions
{
    /// <summary>The header the console sends its antiforgery token in.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>Registers what <see cref="StaffApiEndpoints.MapStaffConsole"/> needs.</summary>
    public static IServiceCollection AddStaffConsole(this IServiceCollection services)
    {
        services.AddAuthentication(StaffClaims.Scheme)
            .AddCookie(StaffClaims.Scheme, options =>
            {
                options.Cookie.Name = "clinicbot_staff";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                // Revocable: each request's cookie is checked against its account's security stamp.
                options.Events.OnValidatePrincipal = StaffSessionValidation.ValidateAsync;
                // An API answers 401/403; the console page shows its own sign-in form.
                options.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder().AddPolicy(StaffClaims.Policy, policy => policy
            .AddAuthenticationSchemes(StaffClaims.Scheme)
            .RequireAuthenticatedUser());
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = "clinicbot_staff_csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    private static Task Status(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}

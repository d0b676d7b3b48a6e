namespace ClinicBot.Host.Access;

/// <summary>
/// Headers set on every response as it starts (after the endpoint's own): <c>nosniff</c> everywhere; on the staff
/// console and its API a Content-Security-Policy the console works under (its script and style are files, nothing
/// inline), no framing and no referrer; <c>Cache-Control: no-store</c> on every API that carries patient data (the staff
/// API, Direct Line, the Bot Framework and SMS endpoints, Web Chat tokens). The clinic page sets its own policy.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The staff console's policy: only its own script, style and API; no frames, plugins, inline code or base.</summary>
    public const string ConsolePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            Apply(http.Request.Path, http.Response.Headers);
            return Task.CompletedTask;
        });
        return next(http);
    });

    private static void Apply(PathString path, IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        if (path.StartsWithSegments("/staff") || path.StartsWithSegments("/api/staff"))
        {
            headers.ContentSecurityPolicy = ConsolePolicy;
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
        }

        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/v3/directline"))
        {
            headers.CacheControl = "no-store";
        }
    }
}

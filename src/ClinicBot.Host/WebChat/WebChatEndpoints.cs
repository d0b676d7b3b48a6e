using ClinicBot.Channels.DirectLine;
using ClinicBot.Prompts;
using Microsoft.Extensions.Options;

namespace ClinicBot.Host.WebChat;

/// <summary>
/// The clinic page at <c>GET /</c> with Microsoft's Web Chat widget (bundled by the build into <c>webchat/</c> beside the program),
/// its static files under <c>/webchat/</c>, the token endpoint and ClinicBot's Direct Line.
/// </summary>
internal static class WebChatEndpoints
{
    /// <summary>Where the build puts the page, its script and style, and <c>webchat.js</c>.</summary>
    public static string SiteDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "webchat");

    public static WebApplication MapWebChat(this WebApplication app)
    {
        app.UseWebSockets();
        app.MapWebChatToken();
        app.MapDirectLine();

        app.MapGet("/", (HttpContext http, string? lang, string? transport, WebChatPage page, IOptions<WebChatOptions> options, PublicAddress site) =>
        {
            var locale = Locales.Normalize(lang ?? PreferredLanguage(http));
            bool? webSocket = transport switch { "polling" => false, "websocket" => true, _ => null };
            SecurityHeaders(http, options.Value, site);
            return Results.Content(page.Render(locale, webSocket), "text/html; charset=utf-8");
        });

        app.MapGet("/webchat/{file:regex(^[a-z0-9-]+\\.(js|css|txt)$)}", (string file, HttpContext http) =>
        {
            var path = Path.Combine(SiteDirectory, file);
            if (!File.Exists(path)) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=3600";
            var type = Path.GetExtension(file) switch { ".js" => "text/javascript; charset=utf-8", ".css" => "text/css; charset=utf-8", _ => "text/plain; charset=utf-8" };
            return Results.File(path, type);
        });
        return app;
    }

    // The first language the browser prefers, so a Spanish-speaking visitor's browser gets the Spanish page.
    private static string? PreferredLanguage(HttpContext http) =>
        http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value).FirstOrDefault();

    private static void SecurityHeaders(HttpContext http, WebChatOptions options, PublicAddress site)
    {
        var self = new Uri(site.WebSocketBaseUrl).GetLeftPart(UriPartial.Authority);
        var azure = options.UsesAzure ? " " + new Uri(options.AzureDirectLineUrl).GetLeftPart(UriPartial.Authority) + " wss://" + new Uri(options.AzureDirectLineUrl).Host : "";
        http.Response.Headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' {self}{azure}; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "same-origin";
        http.Response.Headers.CacheControl = "no-cache";
    }
}

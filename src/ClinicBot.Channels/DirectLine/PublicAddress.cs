using ClinicBot.Prompts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Where browsers reach this site: <c>Clinic:PublicBaseUrl</c> when configured (always, behind a proxy), else the first
/// address the host listens on (a wildcard read as localhost), else http://localhost. Never the request's Host header,
/// which the client chooses: it must not decide where the page's WebSocket connects or what the CSP allows.
/// </summary>
public sealed class PublicAddress(IOptions<ClinicOptions> clinic, IServer server)
{
    /// <summary>The site's base URL without a trailing slash, e.g. <c>https://chat.clinic.example</c>.</summary>
    public string BaseUrl
    {
        get
        {
            if (Uri.TryCreate(clinic.Value.PublicBaseUrl, UriKind.Absolute, out var configured) && configured.Scheme is "http" or "https")
            {
                return clinic.Value.PublicBaseUrl.TrimEnd('/');
            }

            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (listening is null || !Uri.TryCreate(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                return "http://localhost";
            }

            var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
            return new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority);
        }
    }

    /// <summary>The WebSocket origin of <see cref="BaseUrl"/> (ws:// or wss://), path included.</summary>
    public string WebSocketBaseUrl =>
        BaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + BaseUrl["https://".Length..] : "ws://" + BaseUrl["http://".Length..];
}

using System.Net;

namespace ClinicBot.Channels.BotFramework.Connector;

/// <summary>
/// Whether a serviceUrl names this machine (localhost, 127.0.0.0/8, ::1). Without a MicrosoftAppId nothing is
/// authenticated, so /api/messages accepts only activities whose replies go there (the Emulator, a local test channel):
/// an activity must not be able to make the bot post to any address it names. Staff replies later go to the same
/// stored serviceUrl, so they stay on this machine too.
/// </summary>
public static class LoopbackUrl
{
    /// <summary>True for an absolute http(s) URL whose host is the loopback interface.</summary>
    public static bool Is(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false;
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}

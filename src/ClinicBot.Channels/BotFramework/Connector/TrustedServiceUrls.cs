using System.Collections.Concurrent;

namespace ClinicBot.Channels.BotFramework.Connector;

/// <summary>
/// The serviceUrls that arrived on validated activities. The bot's token goes to these only, so a forged
/// activity cannot make the bot hand its token to another host.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _urls = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records a serviceUrl that came with a validated token.</summary>
    public void Trust(string serviceUrl) => _urls.TryAdd(Normalize(serviceUrl), 0);

    /// <summary>Whether the serviceUrl arrived on a validated activity.</summary>
    public bool IsTrusted(string serviceUrl) => _urls.ContainsKey(Normalize(serviceUrl));

    private static string Normalize(string serviceUrl) => serviceUrl.Trim().TrimEnd('/');
}

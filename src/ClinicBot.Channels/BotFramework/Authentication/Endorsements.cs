using System.Collections;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ClinicBot.Channels.BotFramework.Authentication;

/// <summary>Reads the Bot Framework's <c>endorsements</c> extension of the JWKS: the channels each signing key may sign for.</summary>
internal static class Endorsements
{
    /// <summary>The key's endorsements, or null when the key has no endorsements entry (or is unknown).</summary>
    public static IReadOnlyList<string>? For(OpenIdConnectConfiguration configuration, string? keyId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var raw)) return null;

        return raw switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            string single => [single],
            IEnumerable items => items.Cast<object?>().Select(i => i?.ToString()).OfType<string>().ToList(),
            _ => [],
        };
    }
}

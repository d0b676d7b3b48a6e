using System.Globalization;
using Microsoft.Extensions.Primitives;
using Twilio.Security;

namespace ClinicBot.Channels.Sms.Twilio;

/// <summary>
/// <c>X-Twilio-Signature</c>, checked by Twilio's <see cref="RequestValidator"/> (the URL as signed, then with the
/// default port added or removed). Two pieces of glue keep it agreeing with twilio-node's <c>validateRequest</c>:
/// <see cref="SignedParameters"/> (the validator takes one value per parameter name, while twilio-node signs a
/// repeated name once per distinct value) and <see cref="WithoutDefaultPort"/> (the validator cannot remove a default
/// port written out in the URL).
/// </summary>
internal static class TwilioWebhookSignature
{
    public const string Header = "X-Twilio-Signature";

    /// <summary>Whether <paramref name="signature"/> signs this URL and these form parameters with the Auth Token.</summary>
    public static bool IsValid(string authToken, string? signature, string url, IEnumerable<KeyValuePair<string, StringValues>> form)
    {
        if (string.IsNullOrEmpty(signature)) return false;
        var validator = new RequestValidator(authToken);
        var parameters = SignedParameters(form);
        return validator.Validate(url, parameters, signature)
               || (WithoutDefaultPort(url) is { } shorter && validator.Validate(shorter, parameters, signature));
    }

    /// <summary>
    /// One value per name, as <see cref="RequestValidator"/> takes them. twilio-node signs a repeated name as
    /// <c>name value1 name value2 ...</c> over its distinct values in code-unit order; the validator appends
    /// <c>name value</c>, so the values are joined with the name between them and the signed text is the same.
    /// (Twilio's own SMS webhooks never repeat a name; a hand-made request may.)
    /// </summary>
    internal static Dictionary<string, string> SignedParameters(IEnumerable<KeyValuePair<string, StringValues>> form) =>
        form.ToDictionary(
            p => p.Key,
            p => string.Join(p.Key, p.Value.Select(v => v ?? "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            StringComparer.Ordinal);

    /// <summary>
    /// The URL without a default port it names (<c>https://host:443/path</c> to <c>https://host/path</c>), or null.
    /// RequestValidator tries a URL without a port also with the default one, but not the reverse: <see cref="Uri"/>
    /// reports no port for a default one written out, so the validator takes it as already removed. twilio-node's
    /// <c>validateRequest</c> checks both forms (e.g. <c>Sms:Twilio:WebhookUrl</c> written with <c>:443</c> while
    /// Twilio signs the URL without it).
    /// </summary>
    internal static string? WithoutDefaultPort(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsDefaultPort || uri.Port < 0) return null;
        var hostAndPort = $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        var at = url.IndexOf(hostAndPort, url.IndexOf("//", StringComparison.Ordinal) + 2, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : url.Remove(at + uri.Host.Length, hostAndPort.Length - uri.Host.Length);
    }
}

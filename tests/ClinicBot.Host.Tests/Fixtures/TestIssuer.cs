using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinicBot.Host.Tests.Fixtures;

/// <summary>
/// A local Bot Connector token issuer: RSA keys generated here, served as OpenID metadata and a JWKS with the
/// Bot Framework's <c>endorsements</c> extension, and tokens signed as the channel signs them.
/// </summary>
public sealed class TestIssuer : LocalServer
{
    public const string Issuer = "https://api.botframework.com";
    public const string EndorsedKey = "endorsed-key";
    public const string TeamsOnlyKey = "teams-only-key";
    public const string BareKey = "bare-key";

    private static readonly Dictionary<string, RSA> Keys = new()
    {
        [EndorsedKey] = RSA.Create(2048),
        [TeamsOnlyKey] = RSA.Create(2048),
        [BareKey] = RSA.Create(2048),
    };

    private static readonly Dictionary<string, string[]?> KeyEndorsements = new()
    {
        [EndorsedKey] = ["webchat", "directline", "sms", "emulator"],
        [TeamsOnlyKey] = ["msteams"],
        [BareKey] = null,
    };

    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    protected override void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = BaseUrl + "/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        app.MapGet("/v1/.well-known/keys", () => Results.Json(new { keys = Keys.Select(k => Jwk(k.Key, k.Value)).ToList() }));
    }

    /// <summary>A channel token; every part can be made wrong.</summary>
    public static string Token(
        string audience, string? serviceUrl, string keyId = EndorsedKey, string issuer = Issuer, DateTimeOffset? expires = null, bool signed = true)
    {
        var now = DateTimeOffset.UtcNow;
        var exp = expires ?? now.AddMinutes(30);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddHours(-1).UtcDateTime,
            NotBefore = exp.AddHours(-1).UtcDateTime,
            Expires = exp.UtcDateTime,
            Claims = serviceUrl is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = signed ? new SigningCredentials(new RsaSecurityKey(Keys[keyId]) { KeyId = keyId }, SecurityAlgorithms.RsaSha256) : null,
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static Dictionary<string, object> Jwk(string kid, RSA rsa)
    {
        var parameters = rsa.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (KeyEndorsements[kid] is { } endorsements) jwk["endorsements"] = endorsements;
        return jwk;
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ClinicBot.Channels.BotFramework.Authentication;

/// <summary>
/// Validates Bot Connector (channel) tokens as the Bot Framework SDK does: signed with a key from the OpenID metadata
/// (RS256/384/512), issuer <c>https://api.botframework.com</c>, audience the bot's app id, lifetime within the skew,
/// the key endorsed for the activity's channel, and the <c>serviceurl</c> claim equal to the activity's serviceUrl.
/// </summary>
internal sealed class ChannelTokenValidator(
    IConfigurationManager<OpenIdConnectConfiguration> metadata,
    IOptions<BotCredentialsOptions> credentials,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<ChannelTokenValidator> logger)
{
    internal const string ServiceUrlClaim = "serviceurl";
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<AuthenticationOutcome> ValidateAsync(string token, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetConfigurationAsync(cancellationToken);
        var result = await _handler.ValidateTokenAsync(token, Parameters(configuration));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys roll over: look again once, at most as often as the configuration manager allows.
            BotFrameworkLog.RefreshingKeys(logger);
            metadata.RequestRefresh();
            configuration = await metadata.GetConfigurationAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(token, Parameters(configuration));
        }

        if (!result.IsValid) return AuthenticationOutcome.Fail($"invalid token ({result.Exception?.GetType().Name ?? "unknown"})");

        var keyId = (result.SecurityToken as JsonWebToken)?.Kid;
        var endorsements = Endorsements.For(configuration, keyId);
        if (endorsements is null) return AuthenticationOutcome.Fail("the signing key has no endorsements");
        if (!string.IsNullOrEmpty(channelId) && !endorsements.Contains(channelId, StringComparer.Ordinal))
        {
            return AuthenticationOutcome.Fail("the signing key is not endorsed for the activity's channel");
        }

        if (!string.IsNullOrEmpty(serviceUrl))
        {
            if (!result.Claims.TryGetValue(ServiceUrlClaim, out var claim) || claim is not string claimed)
            {
                return AuthenticationOutcome.Fail("missing serviceurl claim");
            }

            if (!string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return AuthenticationOutcome.Fail("serviceurl claim mismatch");
            }
        }

        return AuthenticationOutcome.Channel;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = options.Value.TokenIssuer,
        ValidAudience = credentials.Value.MicrosoftAppId,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = Algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = options.Value.ClockSkew,
        // Lifetime is checked against the injected clock, so tests can move time.
        LifetimeValidator = (notBefore, expires, _, _) => WithinLifetime(notBefore, expires),
    };

    private bool WithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var skew = options.Value.ClockSkew;
        return expires is { } exp && now <= exp.ToUniversalTime() + skew && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - skew);
    }
}

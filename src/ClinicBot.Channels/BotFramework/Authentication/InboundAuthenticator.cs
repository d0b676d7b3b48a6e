using System.Net;
using ClinicBot.Channels.BotFramework.Activities;

namespace ClinicBot.Channels.BotFramework.Authentication;

/// <summary>
/// Decides whether a POST to <c>/api/messages</c> may be processed. With an app id configured every request needs a
/// valid channel token; without one (local development) only anonymous requests from loopback are accepted.
/// </summary>
public sealed class InboundAuthenticator
{
    private readonly ChannelTokenValidator? _validator;

    /// <param name="validator">The channel token validator, or null when authentication is off.</param>
    internal InboundAuthenticator(ChannelTokenValidator? validator) => _validator = validator;

    /// <summary>Checks what can be checked before the body is read: the header's presence and the caller's address.</summary>
    public AuthenticationOutcome? Precheck(string? authorization, IPAddress? remoteAddress)
    {
        if (_validator is not null)
        {
            return string.IsNullOrWhiteSpace(authorization) ? AuthenticationOutcome.Fail("no Authorization header") : null;
        }

        // Without an app id no token can be valid, as in the SDK; and anonymous callers must be on this machine.
        if (!string.IsNullOrWhiteSpace(authorization)) return AuthenticationOutcome.Fail("a token was sent but MicrosoftAppId is not configured");
        return remoteAddress is not null && IPAddress.IsLoopback(remoteAddress)
            ? AuthenticationOutcome.Anonymous
            : AuthenticationOutcome.Fail("anonymous requests are accepted from loopback only");
    }

    /// <summary>Validates the bearer token against the activity it came with.</summary>
    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (_validator is null) return AuthenticationOutcome.Anonymous;

        var parts = (authorization ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.Ordinal))
        {
            return AuthenticationOutcome.Fail("the Authorization header is not 'Bearer <token>'");
        }

        return await _validator.ValidateAsync(parts[1], activity.ChannelId, activity.ServiceUrl, cancellationToken);
    }
}

using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.BotFramework.Connector;

/// <summary>
/// Connector tokens from Azure.Identity (client secret or managed identity) for <c>{OAuthScope}/.default</c>,
/// cached and renewed only when they are about to expire.
/// </summary>
internal sealed class AzureIdentityTokenProvider(
    TokenCredential credential, IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<AzureIdentityTokenProvider> logger) : IBotTokenProvider
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AccessToken? _cached;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_cached) is { } token) return token;

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_cached) is { } again) return again;
            var scope = options.Value.OAuthScope.TrimEnd('/');
            if (!scope.EndsWith("/.default", StringComparison.Ordinal)) scope += "/.default";
            var acquired = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
            _cached = acquired;
            BotFrameworkLog.TokenAcquired(logger, acquired.ExpiresOn);
            return acquired.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private string? Fresh(AccessToken? token) =>
        token is { } t && t.ExpiresOn - time.GetUtcNow() > options.Value.TokenRefreshMargin ? t.Token : null;
}

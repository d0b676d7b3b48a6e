namespace ClinicBot.Channels.BotFramework.Connector;

/// <summary>No app id configured: Connector calls carry no token.</summary>
internal sealed class AnonymousTokenProvider : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}

namespace ClinicBot.Channels.BotFramework.Connector;

/// <summary>Bearer tokens for calls to the Bot Connector.</summary>
public interface IBotTokenProvider
{
    /// <summary>The token to send, or null when the bot runs without an identity (no Authorization header, as the SDK).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

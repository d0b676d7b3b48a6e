namespace ClinicBot.Channels.BotFramework;

/// <summary>How the bot gets its outbound tokens (the SDK's <c>MicrosoftAppType</c>).</summary>
public enum BotAppType
{
    /// <summary>App id and secret, tokens from the <c>botframework.com</c> tenant.</summary>
    MultiTenant,

    /// <summary>App id and secret, tokens from the bot's own tenant.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity; no secret.</summary>
    UserAssignedMSI,
}

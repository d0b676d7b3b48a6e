namespace ClinicBot.Channels.BotFramework;

/// <summary>
/// The bot's Azure identity, bound from the root configuration keys the Bot Framework SDK uses
/// (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppType</c>, <c>MicrosoftAppTenantId</c>).
/// With no app id, authentication is off: only loopback callers are accepted (local development).
/// </summary>
public sealed class BotCredentialsOptions
{
    /// <summary>The bot's Microsoft App ID (the managed identity's client id for <c>UserAssignedMSI</c>). Default empty: authentication off.</summary>
    public string MicrosoftAppId { get; set; } = "";

    /// <summary>The app's client secret; a secret, so from environment variables or user-secrets only. Default empty.</summary>
    public string MicrosoftAppPassword { get; set; } = "";

    /// <summary><c>MultiTenant</c> (default, also for an empty or unknown value), <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string MicrosoftAppType { get; set; } = nameof(BotAppType.MultiTenant);

    /// <summary>The Entra ID tenant; required for <c>SingleTenant</c> and <c>UserAssignedMSI</c>. Default empty.</summary>
    public string MicrosoftAppTenantId { get; set; } = "";

    /// <summary>Whether inbound requests must carry a valid Bot Connector token.</summary>
    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The app type, with the SDK's fallback to multi-tenant.</summary>
    public BotAppType AppType =>
        Enum.TryParse<BotAppType>(MicrosoftAppType, ignoreCase: true, out var type) && Enum.IsDefined(type) ? type : BotAppType.MultiTenant;
}

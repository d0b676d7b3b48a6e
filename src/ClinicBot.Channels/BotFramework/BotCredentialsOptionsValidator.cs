using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.BotFramework;

/// <summary>Fails start-up on an incomplete identity rather than on the first reply.</summary>
internal sealed class BotCredentialsOptionsValidator : IValidateOptions<BotCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, BotCredentialsOptions options)
    {
        if (!options.AuthenticationEnabled) return ValidateOptionsResult.Success;

        var hasSecret = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        return options.AppType switch
        {
            BotAppType.MultiTenant when !hasSecret => ValidateOptionsResult.Fail("MicrosoftAppPassword is required for a MultiTenant bot."),
            BotAppType.SingleTenant when !hasSecret || !hasTenant =>
                ValidateOptionsResult.Fail("MicrosoftAppPassword and MicrosoftAppTenantId are required for a SingleTenant bot."),
            BotAppType.UserAssignedMSI when hasSecret || !hasTenant =>
                ValidateOptionsResult.Fail("A UserAssignedMSI bot needs MicrosoftAppTenantId and no MicrosoftAppPassword."),
            _ => ValidateOptionsResult.Success,
        };
    }
}

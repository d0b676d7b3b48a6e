using Azure.Core;
using Azure.Identity;

namespace ClinicBot.Channels.BotFramework.Connector;

/// <summary>The Azure.Identity credential for the configured app type.</summary>
internal static class BotTokenCredentials
{
    public static TokenCredential Create(BotCredentialsOptions credentials, BotFrameworkOptions options)
    {
        var authority = new Uri(options.AuthorityHost);
        return credentials.AppType switch
        {
            BotAppType.UserAssignedMSI => new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(credentials.MicrosoftAppId)),
            BotAppType.SingleTenant => new ClientSecretCredential(
                credentials.MicrosoftAppTenantId, credentials.MicrosoftAppId, credentials.MicrosoftAppPassword,
                new ClientSecretCredentialOptions { AuthorityHost = authority }),
            _ => new ClientSecretCredential(
                options.MultiTenantAuthorityTenant, credentials.MicrosoftAppId, credentials.MicrosoftAppPassword,
                new ClientSecretCredentialOptions { AuthorityHost = authority }),
        };
    }
}

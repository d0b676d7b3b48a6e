using Azure.Core;
using Azure.Identity;

namespace ClinicBot.Llm.Connectors;

/// <summary>
/// The Microsoft Entra ID credential for Azure OpenAI when <c>Llm:ApiKey</c> is empty: <c>DefaultAzureCredential</c>
/// (managed identity, workload identity, Azure CLI...), with <c>Llm:ManagedIdentityClientId</c> for a user-assigned
/// identity. Registered under <see cref="LlmServiceCollectionExtensions.ServiceKey"/> so it never meets another project's
/// <see cref="TokenCredential"/> (the Bot Framework channel registers its own).
/// </summary>
internal static class LlmCredential
{
    public static TokenCredential Create(LlmOptions options) => new DefaultAzureCredential(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = options.ManagedIdentityClientId.Length > 0 ? options.ManagedIdentityClientId : null,
    });
}

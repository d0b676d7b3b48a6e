namespace ClinicBot.Llm.Connectors;

/// <summary>
/// Reads <c>Llm:Endpoint</c> for the Azure OpenAI connector: whether it names an Azure OpenAI host, and the resource URL
/// the connector wants (it adds <c>/openai/deployments/NAME/...</c> itself), so the v1 endpoint
/// <c>https://RESOURCE.openai.azure.com/openai/v1/</c> configured before Semantic Kernel keeps working unchanged.
/// </summary>
internal static class AzureOpenAIEndpoint
{
    private static readonly string[] HostSuffixes =
    [
        ".openai.azure.com",
        ".cognitiveservices.azure.com",
        ".services.ai.azure.com",
        ".openai.azure.us",
        ".cognitiveservices.azure.us",
    ];

    /// <summary>Whether the endpoint is an Azure OpenAI (or Azure AI services) resource.</summary>
    public static bool IsAzureHost(Uri endpoint) =>
        HostSuffixes.Any(suffix => endpoint.Host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The connector to use for these options: <see cref="LlmOptions.Connector"/>, or by host when it is <c>Auto</c>.</summary>
    public static LlmConnector Resolve(LlmOptions options) => options.Connector switch
    {
        LlmConnector.Auto => IsAzureHost(new Uri(options.Endpoint)) ? LlmConnector.AzureOpenAI : LlmConnector.OpenAI,
        var chosen => chosen,
    };

    /// <summary>The resource URL: everything before an <c>/openai</c> path segment, e.g. <c>https://RESOURCE.openai.azure.com/</c>.</summary>
    public static Uri ResourceUrl(Uri endpoint)
    {
        var path = endpoint.AbsolutePath;
        var at = path.IndexOf("/openai", StringComparison.OrdinalIgnoreCase);
        var kept = at >= 0 && (path.Length == at + "/openai".Length || path[at + "/openai".Length] == '/') ? path[..at] : path.TrimEnd('/');
        return new UriBuilder(endpoint) { Path = kept + "/", Query = "", Fragment = "" }.Uri;
    }
}

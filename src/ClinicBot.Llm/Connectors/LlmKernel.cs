using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Microsoft.SemanticKernel;

namespace ClinicBot.Llm.Connectors;

/// <summary>
/// The Semantic Kernel <see cref="Kernel"/> with one chat completion service: the Azure OpenAI connector (API key, or
/// Entra ID with the <c>Llm:TokenScope</c> audience) or the OpenAI connector for any OpenAI-compatible server, chosen by
/// <see cref="AzureOpenAIEndpoint.Resolve"/>. Both send through the given <see cref="HttpClient"/>, whose handler applies the
/// resilience pipeline; the SDKs' own retries and network timeout are off. The kernel gets no logger: Semantic
/// Kernel's connectors may log prompts, and nothing here logs a patient's words.
/// </summary>
internal static class LlmKernel
{
    public static Kernel Create(LlmOptions options, HttpClient httpClient, Func<TokenCredential> credential)
    {
        var builder = Kernel.CreateBuilder();
        var endpoint = new Uri(options.Endpoint.EndsWith('/') ? options.Endpoint : options.Endpoint + "/");
        if (AzureOpenAIEndpoint.Resolve(options) == LlmConnector.AzureOpenAI)
        {
            builder.AddAzureOpenAIChatCompletion(options.Deployment, AzureClient(options, endpoint, httpClient, credential));
        }
        else
        {
            // Ollama and most local servers need no key; the connector then sends a placeholder.
            builder.AddOpenAIChatCompletion(options.Deployment, endpoint, options.ApiKey.Length > 0 ? options.ApiKey : null, httpClient: httpClient);
        }

        return builder.Build();
    }

    private static AzureOpenAIClient AzureClient(LlmOptions options, Uri endpoint, HttpClient httpClient, Func<TokenCredential> credential)
    {
        var clientOptions = new AzureOpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
            Audience = options.TokenScope,
        };
        var resource = AzureOpenAIEndpoint.ResourceUrl(endpoint);
        return options.ApiKey.Length > 0
            ? new AzureOpenAIClient(resource, new ApiKeyCredential(options.ApiKey), clientOptions)
            : new AzureOpenAIClient(resource, credential(), clientOptions);
    }
}

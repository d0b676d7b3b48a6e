using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using Polly;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using SdkChatMessage = OpenAI.Chat.ChatMessage;

namespace ClinicBot.Llm.OpenAi;

/// <summary>
/// <see cref="IChatClient"/> over the OpenAI .NET SDK's <see cref="ChatClient"/>: the only code that sees SDK types.
/// Works with Azure OpenAI's v1 endpoint (API key or Entra ID) and any OpenAI-compatible server. The SDK's own
/// retries are off; every call runs through the Polly pipeline instead. Streaming is buffered inside the pipeline
/// (a failed stream is retried whole) because the composer verifies the whole answer before anyone sees it.
/// </summary>
internal sealed class OpenAiChatClient : IChatClient
{
    private readonly ChatClient _client;
    private readonly ResiliencePipeline _pipeline;
    private readonly ChatClientMetadata _metadata;

    public OpenAiChatClient(ChatClient client, ResiliencePipeline pipeline, Uri endpoint, string deployment)
    {
        _client = client;
        _pipeline = pipeline;
        _metadata = new ChatClientMetadata("openai", endpoint, deployment);
    }

    /// <summary>A chat client for the configured endpoint: API key when one is set, else Entra ID's DefaultAzureCredential.</summary>
    public static OpenAiChatClient Create(LlmOptions options, ResiliencePipeline pipeline)
    {
        var endpoint = new Uri(options.Endpoint.EndsWith('/') ? options.Endpoint : options.Endpoint + "/");
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.AttemptTimeout,
        };

        ChatClient client;
        if (options.ApiKey.Length > 0)
        {
            client = new ChatClient(options.Deployment, new ApiKeyCredential(options.ApiKey), clientOptions);
        }
        else
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = options.ManagedIdentityClientId.Length > 0 ? options.ManagedIdentityClientId : null,
            });
#pragma warning disable OPENAI001 // AuthenticationPolicy constructors are experimental in OpenAI 2.x.
            client = new ChatClient(options.Deployment, new BearerTokenPolicy(credential, options.TokenScope), clientOptions);
#pragma warning restore OPENAI001
        }

        return new OpenAiChatClient(client, pipeline, endpoint, options.Deployment);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sdkMessages = ToSdk(messages);
        var sdkOptions = ToSdk(options);
        var completion = await _pipeline.ExecuteAsync(
            async token => (await _client.CompleteChatAsync(sdkMessages, sdkOptions, token)).Value,
            cancellationToken);

        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return new ChatResponse(new AiChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            FinishReason = ToFinishReason(completion.FinishReason),
            Usage = completion.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AiChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sdkMessages = ToSdk(messages);
        var sdkOptions = ToSdk(options);
        var updates = await _pipeline.ExecuteAsync(
            async token =>
            {
                var received = new List<ChatResponseUpdate>();
                await foreach (var update in _client.CompleteChatStreamingAsync(sdkMessages, sdkOptions, token))
                {
                    var text = string.Concat(update.ContentUpdate.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
                    if (text.Length > 0 || update.FinishReason is not null)
                    {
                        received.Add(new ChatResponseUpdate(ChatRole.Assistant, text) { FinishReason = ToFinishReason(update.FinishReason) });
                    }
                }

                return received;
            },
            cancellationToken);

        foreach (var update in updates)
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // ChatClient holds no resources of its own to release.
    }

    private static List<SdkChatMessage> ToSdk(IEnumerable<AiChatMessage> messages) => messages.Select(m =>
        m.Role == ChatRole.System ? new SystemChatMessage(m.Text)
        : m.Role == ChatRole.Assistant ? new AssistantChatMessage(m.Text)
        : (SdkChatMessage)new UserChatMessage(m.Text)).ToList();

    private static ChatCompletionOptions ToSdk(ChatOptions? options) => new()
    {
        MaxOutputTokenCount = options?.MaxOutputTokens,
        Temperature = options?.Temperature,
    };

    private static Microsoft.Extensions.AI.ChatFinishReason? ToFinishReason(OpenAI.Chat.ChatFinishReason? reason) => reason switch
    {
        null => null,
        OpenAI.Chat.ChatFinishReason.Stop => Microsoft.Extensions.AI.ChatFinishReason.Stop,
        OpenAI.Chat.ChatFinishReason.Length => Microsoft.Extensions.AI.ChatFinishReason.Length,
        OpenAI.Chat.ChatFinishReason.ContentFilter => Microsoft.Extensions.AI.ChatFinishReason.ContentFilter,
        OpenAI.Chat.ChatFinishReason.ToolCalls or OpenAI.Chat.ChatFinishReason.FunctionCall => Microsoft.Extensions.AI.ChatFinishReason.ToolCalls,
        _ => null,
    };
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Exchanges the Direct Line secret for a conversation token at Azure Bot Service (<c>POST {AzureDirectLineUrl}/tokens/generate</c>),
/// server-side, so the secret never reaches the browser. The user id is put in the token so Direct Line sends the welcome
/// <c>conversationUpdate</c> at once. The <see cref="HttpClientName"/> client's resilience handler retries transient
/// failures and times each attempt (<see cref="WebChatOptions.AzureResilience"/>).
/// </summary>
internal sealed class AzureDirectLineTokens(IHttpClientFactory http, IOptions<WebChatOptions> options, ILogger<AzureDirectLineTokens> logger)
{
    public const string HttpClientName = "WebChat.AzureDirectLine";

    private readonly WebChatOptions _options = options.Value;

    /// <summary>A token for a new Azure Direct Line conversation, or null when Azure could not give one.</summary>
    public async Task<WebChatToken?> GenerateAsync(CancellationToken cancellationToken)
    {
        var baseUrl = _options.AzureDirectLineUrl.TrimEnd('/');
        var userId = DirectLineConversations.NewId("dl_");
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/tokens/generate")
            {
                Content = JsonContent.Create(new { user = new { id = userId } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.DirectLineSecret);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);

            if (!response.IsSuccessStatusCode)
            {
                DirectLineLog.AzureExchangeFailed(logger, $"HTTP {(int)response.StatusCode}", null);
                return null;
            }

            var generated = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (generated.ValueKind != JsonValueKind.Object
                || !generated.TryGetProperty("token", out var token) || token.ValueKind != JsonValueKind.String
                || !generated.TryGetProperty("conversationId", out var conversation) || conversation.ValueKind != JsonValueKind.String)
            {
                DirectLineLog.AzureExchangeFailed(logger, "answer without token or conversationId", null);
                return null;
            }

            var expiresIn = generated.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? seconds : 1800;
            return new WebChatToken(conversation.GetString()!, token.GetString()!, expiresIn, userId, baseUrl);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or JsonException or NotSupportedException && !cancellationToken.IsCancellationRequested)
        {
            DirectLineLog.AzureExchangeFailed(logger, ex.GetType().Name, ex);
            return null;
        }
    }
}

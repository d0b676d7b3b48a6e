using System.Text.Json.Serialization;

namespace ClinicBot.Channels.DirectLine;

/// <summary>What <c>POST /api/webchat/token</c> gives the page: everything Web Chat's <c>createDirectLine</c> needs, never a secret.</summary>
/// <param name="ConversationId">The conversation the token opens.</param>
/// <param name="Token">The Direct Line token.</param>
/// <param name="ExpiresIn">Seconds until it expires; the widget refreshes it before then.</param>
/// <param name="UserId">The visitor's user id, also inside the token.</param>
/// <param name="Domain">The Direct Line base URL, including <c>/v3/directline</c>: this host's, or Azure's.</param>
public sealed record WebChatToken(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("domain")] string Domain);

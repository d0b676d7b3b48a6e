using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Issues and checks ClinicBot's Direct Line tokens: compact JWTs signed with HMAC-SHA256 that name one conversation and
/// one user and expire. DirectLineJS and Web Chat read the <c>user</c> claim; nothing else in them is secret.
/// </summary>
public sealed class DirectLineTokens
{
    /// <summary>A token for the conversation's REST calls (and refresh).</summary>
    public const string ConversationScope = "conversation";

    /// <summary>A short-lived token inside a <c>streamUrl</c>, good only for opening the WebSocket.</summary>
    public const string StreamScope = "stream";

    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _key;
    private readonly WebChatOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Uses the configured signing key, or a random one for this process.</summary>
    public DirectLineTokens(IOptions<WebChatOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _key = string.IsNullOrEmpty(_options.TokenSigningKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(_options.TokenSigningKey);
    }

    /// <summary>A conversation token, good for <see cref="WebChatOptions.TokenLifetime"/>.</summary>
    public (string Token, int ExpiresIn) IssueConversationToken(string conversationId, string userId) =>
        (Issue(conversationId, userId, ConversationScope, _options.TokenLifetime), (int)_options.TokenLifetime.TotalSeconds);

    /// <summary>A stream token, good for <see cref="WebChatOptions.StreamUrlLifetime"/>.</summary>
    public string IssueStreamToken(string conversationId, string userId) => Issue(conversationId, userId, StreamScope, _options.StreamUrlLifetime);

    /// <summary>Reads a token; only a valid one of <paramref name="scope"/> is granted.</summary>
    public TokenCheck Check(string? token, string scope)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048) return TokenCheck.Invalid;
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header) return TokenCheck.Invalid;

        var expected = Sign(parts[0] + "." + parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2]))) return TokenCheck.Invalid;

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var root = payload.RootElement;
            var claims = new DirectLineToken(
                root.GetProperty("conv").GetString()!, root.GetProperty("user").GetString()!, root.GetProperty("scp").GetString()!,
                DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()));
            if (claims.Scope != scope) return TokenCheck.Invalid;
            return claims.ExpiresAt <= _time.GetUtcNow() ? TokenCheck.Expired : new TokenCheck(TokenStatus.Valid, claims);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            // Signed by us, so only a bug could get here; still, a bad token is a 401, never a 500.
            return TokenCheck.Invalid;
        }
    }

    private string Issue(string conversationId, string userId, string scope, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["conv"] = conversationId,
            ["user"] = userId,
            ["scp"] = scope,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
            ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
        });
        var unsigned = Header + "." + Base64Url.EncodeToString(payload);
        return unsigned + "." + Sign(unsigned);
    }

    private string Sign(string unsigned) => Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(unsigned)));
}

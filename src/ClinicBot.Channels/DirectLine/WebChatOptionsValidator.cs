using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine;

/// <summary>Checks what data annotations cannot: the signing key is base64 of at least 32 bytes.</summary>
internal sealed class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        if (string.IsNullOrEmpty(options.TokenSigningKey)) return ValidateOptionsResult.Success;
        var buffer = new byte[options.TokenSigningKey.Length];
        return Convert.TryFromBase64String(options.TokenSigningKey, buffer, out var length) && length >= 32
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("WebChat:TokenSigningKey must be base64 of at least 32 bytes (for example: openssl rand -base64 32).");
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// Once SMS is switched on (an Auth Token is set), both phone keys must be present and well formed, and no secret may
/// come from an <c>appsettings*.json</c> file: secrets belong in environment variables or user-secrets.
/// </summary>
internal sealed class SmsOptionsValidator(IConfiguration configuration) : IValidateOptions<SmsOptions>
{
    private static readonly string[] SecretKeys = ["Sms:Twilio:AuthToken", "Sms:PhoneHashKey", "Sms:PhoneEncryptionKey"];

    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        var failures = new List<string>();
        foreach (var key in SecretKeys)
        {
            if (FromAppSettingsFile(key) is { } file) failures.Add($"{key} is a secret and must not be set in {file}; use an environment variable or user-secrets.");
        }

        if (options.Twilio.WebhookEnabled)
        {
            if ((options.PhoneHashKey?.Length ?? 0) < 32) failures.Add("Sms:PhoneHashKey must be set (at least 32 characters) when Sms:Twilio:AuthToken is set.");
            if (!PhoneProtector.IsValidEncryptionKey(options.PhoneEncryptionKey))
            {
                failures.Add("Sms:PhoneEncryptionKey must be the Base64 of 32 random bytes when Sms:Twilio:AuthToken is set.");
            }
        }

        if (!Uri.TryCreate(options.Twilio.ApiBaseUrl, UriKind.Absolute, out _)) failures.Add("Sms:Twilio:ApiBaseUrl must be an absolute URL.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string? FromAppSettingsFile(string key)
    {
        if (configuration is not IConfigurationRoot root) return null;
        // The last provider that has the key wins; only that one matters.
        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(key, out var value)) continue;
            if (string.IsNullOrEmpty(value)) return null;
            return provider is FileConfigurationProvider { Source.Path: { } path } && Path.GetFileName(path).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
                ? Path.GetFileName(path)
                : null;
        }

        return null;
    }
}

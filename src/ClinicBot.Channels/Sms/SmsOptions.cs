using System.ComponentModel.DataAnnotations;

namespace ClinicBot.Channels.Sms;

/// <summary>The SMS channel, bound from the <c>Sms</c> section. Keys are secrets: set them from the environment, never appsettings.json.</summary>
public sealed class SmsOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Sms";

    /// <summary>
    /// HMAC-SHA256 key (any text of at least 32 characters) that turns a phone number into the stored id and the
    /// conversation id. Required once <c>Sms:Twilio:AuthToken</c> is set. Changing it starts every patient afresh.
    /// </summary>
    public string? PhoneHashKey { get; set; }

    /// <summary>AES-256-GCM key (Base64 of 32 bytes) that encrypts the stored number so replies can be sent. Required once <c>Sms:Twilio:AuthToken</c> is set.</summary>
    public string? PhoneEncryptionKey { get; set; }

    /// <summary>
    /// The clinic site's public address, for the article link that ends an answer too long for two segments
    /// (<c>{PublicBaseUrl}/articles/{id}</c>). Default: the scheme and host of <c>Sms:Twilio:WebhookUrl</c>; none when that is empty too.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// <c>Auto</c> (default): answer in the TwiML response when the turn takes at most <see cref="TwimlBudget"/>, otherwise
    /// acknowledge with empty TwiML and send the reply through the REST API. <c>Rest</c>: always the REST API.
    /// </summary>
    public SmsReplyMode ReplyMode { get; set; } = SmsReplyMode.Auto;

    /// <summary>How long the webhook waits for the turn before falling back to the REST API. Default 8 seconds (Twilio waits 15).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:12")]
    public TimeSpan TwimlBudget { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The Twilio account, number and endpoints.</summary>
    public TwilioOptions Twilio { get; set; } = new();
}

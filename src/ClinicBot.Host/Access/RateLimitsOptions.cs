namespace ClinicBot.Host.Access;

/// <summary>
/// <c>RateLimits</c>: limits against floods and scripts on the anonymous and patient-facing endpoints. The defaults are
/// far above any human's typing speed (a patient in crisis writing as fast as they can stays under them); change a limit
/// with <c>RateLimits:&lt;Rule&gt;:PermitLimit</c> and <c>RateLimits:&lt;Rule&gt;:Window</c>.
/// </summary>
internal sealed class RateLimitsOptions
{
    public const string Section = "RateLimits";

    /// <summary>Whether any limit applies. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>POST /api/webchat/token</c> per client address. Default 60 per minute.</summary>
    public RateLimitRule TokenPerAddress { get; set; } = new() { PermitLimit = 60 };

    /// <summary><c>POST /v3/directline/conversations</c> (start) per client address. Default 60 per minute.</summary>
    public RateLimitRule ConversationStartPerAddress { get; set; } = new() { PermitLimit = 60 };

    /// <summary><c>POST /v3/directline/conversations/{id}/activities</c> per conversation. Default 60 per minute.</summary>
    public RateLimitRule ActivitiesPerConversation { get; set; } = new() { PermitLimit = 60 };

    /// <summary><c>POST /api/messages</c> per conversation (<c>conversation.id</c>). Default 120 per minute.</summary>
    public RateLimitRule MessagesPerConversation { get; set; } = new() { PermitLimit = 120 };

    /// <summary><c>POST /api/staff/sign-in</c> per client address. Default 10 per minute.</summary>
    public RateLimitRule SignInPerAddress { get; set; } = new() { PermitLimit = 10 };

    /// <summary>
    /// <c>POST /api/sms/twilio</c> per sender number (Twilio-signed requests; unsigned ones count per client address).
    /// Default 30 per minute.
    /// </summary>
    public RateLimitRule SmsPerSender { get; set; } = new() { PermitLimit = 30 };

    public IEnumerable<(string Name, RateLimitRule Rule)> Rules()
    {
        yield return (nameof(TokenPerAddress), TokenPerAddress);
        yield return (nameof(ConversationStartPerAddress), ConversationStartPerAddress);
        yield return (nameof(ActivitiesPerConversation), ActivitiesPerConversation);
        yield return (nameof(MessagesPerConversation), MessagesPerConversation);
        yield return (nameof(SignInPerAddress), SignInPerAddress);
        yield return (nameof(SmsPerSender), SmsPerSender);
    }
}

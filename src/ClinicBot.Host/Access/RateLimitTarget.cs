using ClinicBot.Staff.Console;

namespace ClinicBot.Host.Access;

/// <summary>
/// What a request counts against: the rule, and the partition (a client address, a conversation, a sender) within it.
/// Only the endpoints named in <see cref="RateLimitsOptions"/> are limited; everything else gets no target.
/// </summary>
internal sealed record RateLimitTarget(string Rule, string Partition, RateLimitRule Limit, string Reason)
{
    public const string TokenRoute = "/api/webchat/token";
    public const string StartRoute = "/v3/directline/conversations";
    public const string ActivitiesRoute = "/v3/directline/conversations/{conversationId}/activities";
    public const string MessagesRoute = "/api/messages";
    public const string SignInRoute = "/api/staff/sign-in";
    public const string SmsRoute = "/api/sms/twilio";

    // Set by RateLimitKeys from the body, which the synchronous partition callback cannot read.
    public static readonly object BodyKey = new();

    // Set by RateLimitKeys when the message the body carries is a crisis: it is never turned away.
    public static readonly object CrisisKey = new();

    /// <summary>The limited route a POST matched, or null.</summary>
    public static string? Route(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.GetEndpoint() is RouteEndpoint endpoint ? endpoint.RoutePattern.RawText : null;

    public static RateLimitTarget? Of(HttpContext http, RateLimitsOptions options)
    {
        if (http.Items.ContainsKey(CrisisKey)) return null;
        var fromBody = http.Items[BodyKey] as string;
        return Route(http) switch
        {
            TokenRoute => new(nameof(options.TokenPerAddress), Address(http), options.TokenPerAddress,
                "Too many chats were opened from this address."),
            StartRoute => new(nameof(options.ConversationStartPerAddress), Address(http), options.ConversationStartPerAddress,
                "Too many chats were started from this address."),
            ActivitiesRoute => new(nameof(options.ActivitiesPerConversation), http.GetRouteValue("conversationId") as string ?? "", options.ActivitiesPerConversation,
                "Too many messages in this conversation; the message was not received, send it again."),
            MessagesRoute => new(nameof(options.MessagesPerConversation), fromBody ?? "address " + Address(http), options.MessagesPerConversation,
                "Too many activities in this conversation; the activity was not processed, send it again."),
            SignInRoute => new(nameof(options.SignInPerAddress), Address(http), options.SignInPerAddress,
                "Too many sign-in attempts from this address."),
            SmsRoute => new(nameof(options.SmsPerSender), fromBody ?? "address " + Address(http), options.SmsPerSender,
                "Too many texts from this number; the text was not received, send it again."),
            _ => null,
        };
    }

    /// <summary>The client's address (<see cref="ClientAddress"/>).</summary>
    public static string Address(HttpContext http) => ClientAddress.Of(http);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClinicBot.Channels.BotFramework;
using ClinicBot.Channels.Sms;
using Microsoft.Extensions.Options;

namespace ClinicBot.Host.Access;

/// <summary>
/// Reads the partition a request's body names before the rate limiter runs: <c>conversation.id</c> of an activity posted
/// to <c>/api/messages</c>, and the sender of a Twilio-signed SMS (hashed; an unsigned request counts per address, so no
/// one can use up a patient's number with forged texts). The body is left for the endpoint to read again.
/// </summary>
internal static class RateLimitKeys
{
    // UTF-8 takes at most 3 bytes per UTF-16 character; a longer body gets 413 from the endpoint anyway.
    private const int MaxActivityBytes = BotFrameworkEndpoints.MaxActivityCharacters * 3;

    public static IApplicationBuilder UseRateLimitKeys(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.RequestServices.GetRequiredService<IOptions<RateLimitsOptions>>().Value.Enabled)
        {
            switch (RateLimitTarget.Route(http))
            {
                case RateLimitTarget.MessagesRoute:
                    http.Items[RateLimitTarget.BodyKey] = await ConversationIdAsync(http.Request);
                    break;
                case RateLimitTarget.SmsRoute:
                    http.Items[RateLimitTarget.BodyKey] = await SenderAsync(http);
                    break;
            }
        }

        await next(http);
    });

    private static async Task<string?> ConversationIdAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxActivityBytes) return null;
        request.EnableBuffering();
        try
        {
            var buffer = new byte[(int)(request.ContentLength ?? MaxActivityBytes) + 1];
            var read = 0;
            int count;
            while (read < buffer.Length && (count = await request.Body.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted)) > 0) read += count;
            if (read > MaxActivityBytes) return null;
            using var activity = JsonDocument.Parse(buffer.AsMemory(0, read));
            return activity.RootElement.ValueKind == JsonValueKind.Object
                   && activity.RootElement.TryGetProperty("conversation", out var conversation)
                   && conversation.ValueKind == JsonValueKind.Object
                   && conversation.TryGetProperty("id", out var id)
                   && id.ValueKind == JsonValueKind.String
                ? "conversation " + id.GetString()
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IOException or BadHttpRequestException)
        {
            // Not an activity the endpoint will take either: it answers the reason; this request counts per address.
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static async Task<string?> SenderAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType) return null;
        IFormCollection form;
        try
        {
            // The form is kept on the request: the webhook reads the same one.
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }

        var from = form["From"].ToString();
        if (from.Length == 0 || !http.RequestServices.GetRequiredService<SmsWebhook>().IsSigned(http, form)) return null;
        return "sender " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(from.Trim())));
    }
}

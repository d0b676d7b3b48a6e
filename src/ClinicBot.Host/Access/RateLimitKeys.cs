using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClinicBot.Channels.BotFramework;
using ClinicBot.Channels.Sms;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using Microsoft.Extensions.Options;

namespace ClinicBot.Host.Access;

/// <summary>
/// Reads what the rate limiter needs from a request's body before it runs: the partition the body names
/// (<c>conversation.id</c> of an activity posted to <c>/api/messages</c>; the sender of a Twilio-signed SMS, hashed, while
/// an unsigned request counts per address, so no one can use up a patient's number with forged texts), and whether the
/// message is a crisis (<see cref="CrisisCheck.ByTriage"/>): a crisis is never turned away, whatever the limit. The body
/// is left for the endpoint to read again.
/// </summary>
internal static class RateLimitKeys
{
    // UTF-8 takes at most 3 bytes per UTF-16 character; a longer body gets 413 from the endpoint anyway.
    private const int MaxActivityBytes = BotFrameworkEndpoints.MaxActivityCharacters * 3;

    public static IApplicationBuilder UseRateLimitKeys(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.RequestServices.GetRequiredService<IOptions<RateLimitsOptions>>().Value.Enabled)
        {
            var message = RateLimitTarget.Route(http) switch
            {
                RateLimitTarget.MessagesRoute or RateLimitTarget.ActivitiesRoute => await ActivityAsync(http.Request),
                RateLimitTarget.SmsRoute => await SmsAsync(http),
                _ => null,
            };
            if (message is not null)
            {
                http.Items[RateLimitTarget.BodyKey] = message.Partition;
                if (message.Text is { Length: > 0 } text
                    && http.RequestServices.GetRequiredService<CrisisCheck>().ByTriage(text, LocaleGuess.Guess(text) ?? Locales.Normalize(message.Locale)))
                {
                    http.Items[RateLimitTarget.CrisisKey] = true;
                }
            }
        }

        await next(http);
    });

    // What a limited request's body says: the partition it names (null: the route's or the address's) and its text.
    private sealed record BodyMessage(string? Partition, string? Text, string? Locale);

    private static async Task<BodyMessage?> ActivityAsync(HttpRequest request)
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
            var root = activity.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var conversation = root.TryGetProperty("conversation", out var c) && c.ValueKind == JsonValueKind.Object
                && c.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? "conversation " + id.GetString()
                : null;
            return new BodyMessage(conversation, StringProperty(root, "text"), StringProperty(root, "locale"));
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

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task<BodyMessage?> SmsAsync(HttpContext http)
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
        var sender = "sender " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(from.Trim())));
        return new BodyMessage(sender, form["Body"].ToString(), null);
    }
}

using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// Fits a reply into two segments. Text is first kept in GSM-7 (<see cref="SmsText.Gsm"/>); an answer still too long is cut
/// at a word and ends with "More: {base}/articles/{id}" (<c>sms_more</c> in prompts/responses/sms.yaml) and the
/// education notice. A crisis reply is never cut: its template must fit one segment, which a test checks.
/// </summary>
internal sealed class SmsReplyFormatter(ResponseTemplates templates, IOptions<SmsOptions> options)
{
    /// <summary>The most segments a reply may use.</summary>
    public const int MaxSegments = 2;

    private const string Cut = "...";

    public string Format(Reply reply, string locale)
    {
        var text = SmsText.Gsm(reply.Text.Trim());
        if (text.Length == 0 || SmsSegments.Fits(text, MaxSegments) || reply.Route == Routes.Crisis) return text;

        var notice = SmsText.Gsm(templates.Render("answer_notice", locale, Channel.Sms));
        var body = notice.Length > 0 && text.EndsWith(notice, StringComparison.Ordinal) ? text[..^notice.Length].TrimEnd() : text;
        var tail = notice.Length > 0 && !ReferenceEquals(body, text) ? " " + notice : "";
        if (reply.Sources.Count > 0 && PublicBaseUrl() is { } baseUrl)
        {
            var link = $"{baseUrl}/articles/{Uri.EscapeDataString(reply.Sources[0])}";
            tail += " " + SmsText.Gsm(templates.Render("sms_more", locale, Channel.Sms, new Dictionary<string, string> { ["link"] = link }));
        }

        return Shorten(body, tail);
    }

    /// <summary>A staff member's words: plain punctuation, never cut (Twilio takes up to 1,600 characters).</summary>
    public static string Staff(string text) => SmsText.Plain(text.Trim());

    // Drops words from the end of the body until body + "..." + tail fits.
    private static string Shorten(string body, string tail)
    {
        var words = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var count = words.Length; count > 0; count--)
        {
            var candidate = string.Join(' ', words.Take(count)).TrimEnd(',', ';', ':', '-', ' ') + Cut + tail;
            if (SmsSegments.Fits(candidate, MaxSegments)) return candidate;
        }

        return tail.Trim();
    }

    private string? PublicBaseUrl()
    {
        var value = options.Value;
        if (!string.IsNullOrWhiteSpace(value.PublicBaseUrl)) return value.PublicBaseUrl.TrimEnd('/');
        return Uri.TryCreate(value.Twilio.WebhookUrl, UriKind.Absolute, out var webhook) ? webhook.GetLeftPart(UriPartial.Authority) : null;
    }
}

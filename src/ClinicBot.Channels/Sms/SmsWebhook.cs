using System.Text.RegularExpressions;
using System.Xml.Linq;
using ClinicBot.Channels.Sms.Twilio;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.TwiML;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// Twilio's incoming-message webhook: checks the signature (<see cref="TwilioWebhookSignature"/>, 403), reads the form
/// (400 when it is not one or lacks MessageSid or From), hands the text to the <see cref="SmsInbox"/> (stored, then the
/// SMS rules and the turn pipeline; a retry of a handled MessageSid gets empty TwiML), and answers with TwiML built by
/// Twilio's <see cref="MessagingResponse"/> inside the budget, or with empty TwiML while the REST sender delivers a slow reply.
/// </summary>
internal sealed partial class SmsWebhook(
    SmsConversations conversations,
    SmsInbox inbox,
    SmsOutbound outbound,
    SmsBackgroundReplies background,
    IOptions<SmsOptions> options,
    TimeProvider time,
    ILogger<SmsWebhook> logger)
{
    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Twilio.WebhookEnabled || !conversations.Ready)
        {
            SmsLog.NotConfigured(logger);
            return TypedResults.Problem(title: "SMS is not configured", detail: "Set Sms:Twilio:AuthToken and the phone keys.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (!http.Request.HasFormContentType) return BadRequest("The body must be application/x-www-form-urlencoded.");
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return BadRequest("The form body could not be read.");
        }

        if (!IsSigned(http, form))
        {
            return Forbidden(http.Request.Headers.ContainsKey(TwilioWebhookSignature.Header) ? "The X-Twilio-Signature does not match." : "The X-Twilio-Signature header is missing.");
        }

        if (!string.IsNullOrEmpty(o.Twilio.AccountSid) && form["AccountSid"].ToString() is { Length: > 0 } account && account != o.Twilio.AccountSid)
        {
            return Forbidden("The webhook is for another Twilio account.");
        }

        var messageSid = form["MessageSid"].ToString() is { Length: > 0 } sid ? sid : form["SmsSid"].ToString();
        if (!Sid().IsMatch(messageSid)) return BadRequest("MessageSid is missing or malformed.");
        var from = form["From"].ToString();
        if (from.Trim().Length is 0 or > 64) return BadRequest("From is missing or too long.");
        var body = form["Body"].ToString();

        // The turn, the MessageSid's claim included, is not tied to the request: the reply must not be lost to a dropped
        // connection, and a database that hangs must not keep the patient from the TwiML answer within the budget.
        var processing = Task.Run(() => inbox.ReceiveAsync(messageSid, from, body), CancellationToken.None);
        if (o.ReplyMode == SmsReplyMode.Auto
            && await Task.WhenAny(processing, Task.Delay(o.TwimlBudget, time, cancellationToken)) == processing)
        {
            var turn = await processing;
            if (turn is null) return Twiml(null);
            Log(messageSid, turn, "twiml");
            // Finished once the TwiML has left: killed before that (or the connection lost), the text is answered on Twilio's
            // retry or at the next start.
            http.Response.OnCompleted(() =>
            {
                if (!http.RequestAborted.IsCancellationRequested) return inbox.FinishAsync(messageSid);
                inbox.Abandon(messageSid);
                return Task.CompletedTask;
            });
            return Twiml(turn.Text);
        }

        background.Track(SendLaterAsync(messageSid, from, processing));
        return Twiml(null);
    }

    /// <summary>
    /// Whether Twilio signed this request (the webhook configured, the signature matching the URL and form); the host's
    /// rate limiter counts a text against its sender only then, so no one can use up a patient's number.
    /// </summary>
    internal bool IsSigned(HttpContext http, IFormCollection form)
    {
        var twilio = options.Value.Twilio;
        return twilio.WebhookEnabled
               && TwilioWebhookSignature.IsValid(twilio.AuthToken!, http.Request.Headers[TwilioWebhookSignature.Header].ToString(), SignedUrl(http, twilio.WebhookUrl), form);
    }

    private async Task SendLaterAsync(string messageSid, string from, Task<SmsTurn?> processing)
    {
        SmsTurn? turn = null;
        try
        {
            turn = await processing;
            if (turn is null) return;
            Log(messageSid, turn, "rest");
            if (turn.Text.Length > 0) await outbound.SendAsync(turn.PhoneHash, turn.Text, CancellationToken.None, replyTo: from);
            // Finished once the reply is with Twilio: killed before that, the next start runs the text again.
            await inbox.FinishAsync(messageSid);
        }
        catch (Exception ex)
        {
            if (turn is not null) inbox.Abandon(messageSid);
            SmsLog.BackgroundSendFailed(logger, messageSid, ex);
        }
    }

    private void Log(string messageSid, SmsTurn turn, string delivery) =>
        SmsLog.Handled(logger, messageSid, SmsLog.PhoneId(turn.PhoneHash), turn.Keyword, turn.Reply.Route, turn.Text.Length == 0 ? "none" : delivery, turn.Segments);

    // The URL Twilio signed: the configured public URL (the host may sit behind a proxy) with the query string as
    // received, or else the URL rebuilt from the request as it reached us.
    private static string SignedUrl(HttpContext http, string? configured)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw)) raw = (http.Request.PathBase + http.Request.Path).ToString() + http.Request.QueryString;
        var question = raw.IndexOf('?');
        var query = question >= 0 ? raw[question..] : http.Request.QueryString.ToString();
        if (!string.IsNullOrEmpty(configured)) return configured.Contains('?') ? configured : configured + query;
        var path = raw.StartsWith('/') ? raw : (http.Request.PathBase + http.Request.Path).ToString() + query;
        return $"{http.Request.Scheme}://{http.Request.Host}{path}";
    }

    // One <Message>, or an empty <Response/> for "no reply"; unindented, as Twilio's own examples.
    private static IResult Twiml(string? text)
    {
        var response = new MessagingResponse();
        if (!string.IsNullOrEmpty(text)) response.Message(text);
        return TypedResults.Text(response.ToString(SaveOptions.DisableFormatting), "text/xml; charset=utf-8");
    }

    private IResult BadRequest(string reason)
    {
        SmsLog.BadRequest(logger, reason);
        return TypedResults.Problem(title: "Invalid SMS webhook", detail: reason, statusCode: StatusCodes.Status400BadRequest);
    }

    private IResult Forbidden(string reason)
    {
        SmsLog.Forbidden(logger, reason);
        return TypedResults.Problem(title: "Forbidden", detail: reason, statusCode: StatusCodes.Status403Forbidden);
    }

    [GeneratedRegex("^[A-Za-z]{2}[0-9A-Za-z]{1,62}$")]
    private static partial Regex Sid();
}

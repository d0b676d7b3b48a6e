using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace ClinicBot.Channels.Sms.Twilio;

/// <summary>
/// Texts through Twilio's Messages API with the SDK (<see cref="MessageResource"/> on a <see cref="TwilioRestClient"/>),
/// sending on the <see cref="HttpClientName"/> client from <see cref="IHttpClientFactory"/>: its handlers point the
/// request at <c>Sms:Twilio:ApiBaseUrl</c> (<see cref="TwilioApiBaseUrlHandler"/>) and apply the retries, circuit
/// breaker and attempt timeout (<see cref="TwilioOptions.Resilience"/>). A 4xx such as 21610 is Twilio's answer, not a failure.
/// </summary>
internal sealed class TwilioMessages(IHttpClientFactory clients, IOptions<SmsOptions> options)
{
    public const string HttpClientName = "Sms.Twilio";

    /// <summary>What Twilio answers when it creates a message.</summary>
    private const int Created = 201;

    /// <summary>How many of the number's latest messages <see cref="WasSentAsync"/> reads.</summary>
    private const int RecentMessages = 20;

    /// <summary>
    /// Allowance when a message's creation (Twilio's clock, whole seconds) is compared with the text's arrival (ours):
    /// small, so the same words sent for an earlier text are not taken for this one's reply.
    /// </summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(2);

    /// <exception cref="TwilioRestException">Twilio could not be reached, or kept failing after the retries.</exception>
    public async Task<TwilioSendResult> SendAsync(string to, string body, CancellationToken cancellationToken)
    {
        var client = Client();
        var o = options.Value.Twilio;
        var message = new CreateMessageOptions(new PhoneNumber(to)) { Body = body };
        if (string.IsNullOrEmpty(o.MessagingServiceSid)) message.From = new PhoneNumber(o.FromNumber);
        else message.MessagingServiceSid = o.MessagingServiceSid;

        try
        {
            // The SDK takes no cancellation token; the handlers' timeouts bound the call, and cancelling stops the wait.
            var created = await MessageResource.CreateAsync(message, client).WaitAsync(cancellationToken);
            return new TwilioSendResult(true, created.Sid, null, Created);
        }
        catch (ApiException ex) when (ex.Status is >= 400 and < 500 and not 429)
        {
            return new TwilioSendResult(false, null, ex.Code == 0 ? null : ex.Code, ex.Status);
        }
        catch (ApiException ex)
        {
            // 429 or 5xx after the retries, or an error without Twilio's JSON body (the SDK then reports no status).
            throw new TwilioRestException(ex.Status == 0 ? "The Twilio Messages API kept failing." : $"The Twilio Messages API kept failing (HTTP {ex.Status}).", ex);
        }
        catch (ApiConnectionException ex)
        {
            throw new TwilioRestException("The Twilio Messages API could not be reached.", ex);
        }
    }

    /// <summary>
    /// Whether Twilio holds a message with this body to this number created since <paramref name="since"/>: a reply that
    /// left as TwiML (Twilio creates the message when it reads the answer) or through the API before the process stopped.
    /// Reads the number's latest messages (Twilio lists newest first).
    /// </summary>
    /// <exception cref="TwilioRestException">Twilio could not be reached or did not answer the list.</exception>
    public async Task<bool> WasSentAsync(string to, string body, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var client = Client();
        var read = new ReadMessageOptions { To = new PhoneNumber(to), PageSize = RecentMessages, Limit = RecentMessages };
        try
        {
            var messages = await MessageResource.ReadAsync(read, client).WaitAsync(cancellationToken);
            var wanted = body.Trim();
            return messages.Any(m =>
                m.Direction != MessageResource.DirectionEnum.Inbound
                && string.Equals(m.Body?.Trim(), wanted, StringComparison.Ordinal)
                && (m.DateCreated is not { } created || new DateTimeOffset(created.ToUniversalTime()) >= since - ClockSlack));
        }
        catch (ApiException ex)
        {
            throw new TwilioRestException(ex.Status == 0 ? "The Twilio Messages list failed." : $"The Twilio Messages list failed (HTTP {ex.Status}).", ex);
        }
        catch (ApiConnectionException ex)
        {
            throw new TwilioRestException("The Twilio Messages API could not be reached.", ex);
        }
    }

    private TwilioRestClient Client()
    {
        var o = options.Value.Twilio;
        if (!o.RestEnabled) throw new TwilioRestException("Sms:Twilio:AccountSid, AuthToken and FromNumber (or MessagingServiceSid) are needed to send.");
        return new TwilioRestClient(o.AccountSid, o.AuthToken, httpClient: new SystemNetHttpClient(clients.CreateClient(HttpClientName)));
    }
}

using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.Sms.Twilio;

/// <summary>
/// Sends the SDK's requests (always to <c>https://api.twilio.com</c>) to <c>Sms:Twilio:ApiBaseUrl</c> instead, path and
/// query kept: a local stand-in in tests, or another base address. With the default base address nothing changes.
/// </summary>
internal sealed class TwilioApiBaseUrlHandler(IOptions<SmsOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            request.RequestUri = new Uri(options.Value.Twilio.ApiBaseUrl.TrimEnd('/') + uri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

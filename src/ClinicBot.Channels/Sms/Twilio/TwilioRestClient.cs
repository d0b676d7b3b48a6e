using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.Sms.Twilio;

/// <summary>
/// Twilio's Messages API: <c>POST {ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>, HTTP Basic with the
/// account SID and Auth Token, form body <c>To</c>, <c>From</c> (or <c>MessagingServiceSid</c>) and <c>Body</c>.
/// </summary>
internal sealed class TwilioRestClient(IHttpClientFactory clients, TwilioResilience resilience, IOptions<SmsOptions> options)
{
    public const string HttpClientName = "Sms.Twilio";

    /// <exception cref="TwilioRestException">Twilio could not be reached, or kept failing after the retries.</exception>
    public async Task<TwilioSendResult> SendAsync(string to, string body, CancellationToken cancellationToken)
    {
        var o = options.Value.Twilio;
        if (!o.RestEnabled) throw new TwilioRestException("Sms:Twilio:AccountSid, AuthToken and FromNumber (or MessagingServiceSid) are needed to send.");
        var url = $"{o.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(o.AccountSid!)}/Messages.json";
        var form = new List<KeyValuePair<string, string>> { new("To", to), new("Body", body) };
        form.Add(string.IsNullOrEmpty(o.MessagingServiceSid) ? new("From", o.FromNumber!) : new("MessagingServiceSid", o.MessagingServiceSid));
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.AccountSid}:{o.AuthToken}"));
        var http = clients.CreateClient(HttpClientName);

        HttpResponseMessage response;
        try
        {
            response = await resilience.Pipeline.ExecuteAsync(async ct =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                return await http.SendAsync(request, ct);
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new TwilioRestException("The Twilio Messages API could not be reached.", ex);
        }

        using (response)
        {
            var json = await ReadJsonAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return new TwilioSendResult(true, Text(json, "sid"), null, status);
            var code = json is { } j && j.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : (int?)null;
            if (status >= 500 || status == 429) throw new TwilioRestException($"The Twilio Messages API kept failing (HTTP {status}).");
            return new TwilioSendResult(false, null, code, status);
        }
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement? json, string name) =>
        json is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

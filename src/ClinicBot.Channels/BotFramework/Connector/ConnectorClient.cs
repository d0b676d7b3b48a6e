using System.Net.Http.Headers;
using System.Net.Http.Json;
using ClinicBot.Channels.BotFramework.Activities;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.BotFramework.Connector;

/// <summary>
/// Sends the bot's activities to the channel through the Bot Connector REST API: "reply to activity"
/// (<c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>) or, without a replyToId,
/// "send to conversation". Tokens go only to serviceUrls that arrived on validated activities.
/// </summary>
public sealed class ConnectorClient
{
    /// <summary>The named <see cref="HttpClient"/> Connector calls use.</summary>
    public const string HttpClientName = "BotFramework.Connector";

    private readonly IHttpClientFactory _http;
    private readonly IBotTokenProvider _tokens;
    private readonly TrustedServiceUrls _trusted;
    private readonly ILogger<ConnectorClient> _logger;

    internal ConnectorClient(IHttpClientFactory http, IBotTokenProvider tokens, TrustedServiceUrls trusted, ILogger<ConnectorClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _trusted = trusted;
        _logger = logger;
    }

    /// <summary>The Connector route for an activity.</summary>
    internal static Uri Route(Activity activity)
    {
        var baseUrl = activity.ServiceUrl!.EndsWith('/') ? activity.ServiceUrl : activity.ServiceUrl + "/";
        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId)) path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        return new Uri(new Uri(baseUrl), path);
    }

    /// <summary>Delivers an activity, retrying transient failures.</summary>
    /// <exception cref="ConnectorDeliveryException">The channel did not accept it.</exception>
    public async Task SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var route = Route(activity);
        var host = route.GetLeftPart(UriPartial.Authority);
        var token = await _tokens.GetTokenAsync(cancellationToken);
        if (token is not null && !_trusted.IsTrusted(activity.ServiceUrl!))
        {
            BotFrameworkLog.UntrustedServiceUrl(_logger, host);
            throw new ConnectorDeliveryException($"serviceUrl {host} was not seen on a validated activity.");
        }

        try
        {
            // The client's resilience handler retries, breaks the circuit per host and times each attempt.
            using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonContent.Create(activity, options: ActivityJson.Options) };
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await _http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);

            var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
            BotFrameworkLog.Sent(_logger, activity.Type, host, (int)response.StatusCode, correlation);
            if ((int)response.StatusCode is not (200 or 201 or 202))
            {
                throw new ConnectorDeliveryException($"The Connector at {host} answered HTTP {(int)response.StatusCode}.");
            }
        }
        catch (Exception ex) when (ex is not ConnectorDeliveryException && !cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorDeliveryException($"The Connector at {host} could not be reached.", ex);
        }
    }
}

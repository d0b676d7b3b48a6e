using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Channels.Sms;

/// <summary>The Twilio SMS webhook, <c>POST /api/sms/twilio</c>.</summary>
public static class SmsEndpoints
{
    /// <summary>Maps <c>POST /api/sms/twilio</c> (no antiforgery: Twilio's signature authenticates it).</summary>
    public static IEndpointRouteBuilder MapSms(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/sms").MapPost("/twilio", ReceiveAsync).WithName("TwilioSmsWebhook").DisableAntiforgery();
        return endpoints;
    }

    private static Task<IResult> ReceiveAsync(HttpContext http, CancellationToken cancellationToken) =>
        http.RequestServices.GetRequiredService<SmsWebhook>().HandleAsync(http, cancellationToken);
}

using System.Text.Json;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Authentication;
using ClinicBot.Channels.BotFramework.Connector;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.BotFramework;

/// <summary>The Bot Framework messaging endpoint, <c>POST /api/messages</c>.</summary>
public static class BotFrameworkEndpoints
{
    /// <summary>Maps <c>POST /api/messages</c> and warns at start-up when authentication is off.</summary>
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints)
    {
        var credentials = endpoints.ServiceProvider.GetRequiredService<IOptions<BotCredentialsOptions>>().Value;
        if (!credentials.AuthenticationEnabled)
        {
            BotFrameworkLog.AnonymousMode(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotFrameworkEndpoints)));
        }

        endpoints.MapGroup("/api").MapPost("/messages", PostActivityAsync).WithName("BotFrameworkMessages").DisableAntiforgery();
        return endpoints;
    }

    /// <summary>The longest activity read, in characters (Direct Line's default cap too); a longer one gets 413.</summary>
    public const int MaxActivityCharacters = 262_144;

    private static async Task<IResult> PostActivityAsync(
        HttpContext http, InboundAuthenticator authenticator, TrustedServiceUrls trusted, ActivityProcessor processor, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BotFrameworkEndpoints));
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authenticator.Precheck(authorization, http.Connection.RemoteIpAddress) is { Succeeded: false } refused)
        {
            return Unauthorized(logger, refused.Failure!);
        }

        var body = await JsonBody.ReadAsync(http.Request, MaxActivityCharacters, cancellationToken);
        if (body is null)
        {
            BotFrameworkLog.BadRequest(logger, "activity too large");
            return TypedResults.Problem(
                title: "Activity too large", detail: $"An activity may have at most {MaxActivityCharacters} characters.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (body.Length == 0) return BadRequest(logger, "The body is empty.");
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ActivityJson.Options);
        }
        catch (JsonException ex)
        {
            return BadRequest(logger, $"The body is not a valid activity: {ex.Message}");
        }

        if (activity is null) return BadRequest(logger, "The body is empty.");
        if (string.IsNullOrWhiteSpace(activity.Type)) return BadRequest(logger, "The activity has no type.");

        var outcome = await authenticator.AuthenticateAsync(authorization, activity, cancellationToken);
        if (!outcome.Succeeded) return Unauthorized(logger, outcome.Failure!);

        // callerId is never taken from the wire: it says who we authenticated.
        activity.CallerId = outcome.CallerId;
        if (outcome.Validated && !string.IsNullOrEmpty(activity.ServiceUrl)) trusted.Trust(activity.ServiceUrl);

        if (Unanswerable(activity, outcome.Validated) is { } missing) return BadRequest(logger, missing);

        try
        {
            var result = await processor.ProcessAsync(activity, cancellationToken);
            if (result.Refusal is { } refusal)
            {
                // Like the Twilio webhook without its keys: the channel sees the refusal; the processor logged why.
                return TypedResults.Problem(title: "Channel not configured", detail: refusal, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return result.ExpectReplies ? TypedResults.Json(new ExpectedReplies(result.Replies), ActivityJson.Options) : TypedResults.Ok();
        }
        catch (ConnectorDeliveryException ex)
        {
            BotFrameworkLog.DeliveryFailed(logger, activity.Type, activity.Id, new Uri(activity.ServiceUrl!).GetLeftPart(UriPartial.Authority), ex);
            return TypedResults.Problem(
                title: "Reply not delivered", detail: "The reply could not be delivered to the channel's serviceUrl.", statusCode: StatusCodes.Status502BadGateway);
        }
    }

    // A message or a member joining needs an answer, and an answer needs a conversation and, unless it goes in the body, a
    // serviceUrl: one on this machine when nothing was authenticated.
    private static string? Unanswerable(Activity activity, bool validated)
    {
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.Event)) return null;
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) return "The activity has no conversation.id.";
        var expectReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal);
        if (expectReplies) return null;
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _)) return "The activity has no valid serviceUrl to reply to.";
        return !validated && !LoopbackUrl.Is(activity.ServiceUrl)
            ? "Without a MicrosoftAppId (local mode) replies go only to a serviceUrl on this machine (localhost); use expectReplies or configure the bot's credentials."
            : null;
    }

    private static IResult BadRequest(ILogger logger, string reason)
    {
        BotFrameworkLog.BadRequest(logger, reason);
        return TypedResults.Problem(title: "Invalid activity", detail: reason, statusCode: StatusCodes.Status400BadRequest);
    }

    private static IResult Unauthorized(ILogger logger, string reason)
    {
        BotFrameworkLog.Unauthorized(logger, reason);
        return TypedResults.Problem(title: "Unauthorized", detail: reason, statusCode: StatusCodes.Status401Unauthorized);
    }
}

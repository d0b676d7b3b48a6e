using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 subset Web Chat and DirectLineJS use, under <c>/v3/directline</c>: start and reconnect, post and get
/// activities, the WebSocket stream, and token refresh. Every call needs the conversation's own token.
/// </summary>
public static class DirectLineEndpoints
{
    private const string Base = "/v3/directline";

    /// <summary>Maps the Direct Line routes.</summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Base).DisableAntiforgery();
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        group.MapPost("/conversations/{conversationId}/upload", (ILoggerFactory loggers) =>
            DirectLineErrors.BadRequest(Logger(loggers), "This chat reads typed messages only; attachments are not accepted."));
        group.MapPost("/tokens/refresh", Refresh);
        return endpoints;
    }

    private static async Task<IResult> StartAsync(
        HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        var logger = Logger(loggers);
        if (Authorize(http, tokens, null, logger, out var token) is { } refused) return refused;

        // Optional body {"user":{"id"},"locale"}: the token's user wins over any user id in it.
        string? locale = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var (body, error) = await ReadObjectAsync(http, 4096, logger);
            if (error is not null) return error;
            if (body!["locale"] is { } localeNode)
            {
                if (localeNode is not JsonValue value || !value.TryGetValue<string>(out locale)) return DirectLineErrors.BadRequest(logger, "locale must be a string such as \"en-US\".");
            }
        }

        var created = await conversations.StartAsync(token!, locale, lifetime.ApplicationStopping);
        var body201 = ConversationBody(http, tokens, token!, watermark: -1);
        return created ? TypedResults.Created((string?)null, body201) : TypedResults.Ok(body201);
    }

    private static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpContext http, DirectLineTokens tokens, DirectLineTranscript transcript, ILoggerFactory loggers)
    {
        var logger = Logger(loggers);
        if (Authorize(http, tokens, conversationId, logger, out var token) is { } refused) return refused;
        if (await transcript.Store.FindConversationAsync(conversationId, http.RequestAborted) is null) return DirectLineErrors.NotStarted(logger);
        if (!TryWatermark(watermark, out var from)) return DirectLineErrors.BadRequest(logger, "watermark must be a whole number.");

        // Without a watermark, only newer activities arrive on the new stream.
        if (string.IsNullOrEmpty(watermark)) from = await transcript.Store.LatestAsync(conversationId, http.RequestAborted);
        return TypedResults.Ok(ConversationBody(http, tokens, token!, from));
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId, HttpContext http, DirectLineTokens tokens, DirectLineTranscript transcript, DirectLineConversations conversations,
        IOptions<WebChatOptions> options, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        var logger = Logger(loggers);
        if (Authorize(http, tokens, conversationId, logger, out var token) is { } refused) return refused;
        if (await transcript.Store.FindConversationAsync(conversationId, http.RequestAborted) is not { } conversation) return DirectLineErrors.NotStarted(logger);

        var (activity, error) = await ReadObjectAsync(http, options.Value.MaxActivityCharacters, logger);
        if (error is not null) return error;
        if (activity!["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type) || string.IsNullOrWhiteSpace(type))
        {
            return DirectLineErrors.BadRequest(logger, "The activity needs a \"type\" such as \"message\".");
        }

        if (type == ActivityTypes.Message && activity["text"] is not null and not JsonValue) return DirectLineErrors.BadRequest(logger, "text must be a string.");

        try
        {
            // The bot's turn is not cancelled when the visitor's request is: an escalation must still be recorded.
            var id = await conversations.PostAsync(conversation, token!, activity, lifetime.ApplicationStopping);
            return TypedResults.Ok(new { id });
        }
        catch (JsonException ex)
        {
            return DirectLineErrors.BadRequest(logger, "The activity is not valid: " + ex.Message);
        }
        catch (Exception ex) when (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            DirectLineLog.BotFailed(logger, conversationId, ex);
            return DirectLineErrors.Problem(logger, StatusCodes.Status502BadGateway, "BotError", "The bot could not process the activity.");
        }
    }

    private static async Task<IResult> GetActivitiesAsync(
        string conversationId, string? watermark, HttpContext http, DirectLineTokens tokens, DirectLineTranscript transcript, IOptions<WebChatOptions> options, ILoggerFactory loggers)
    {
        var logger = Logger(loggers);
        if (Authorize(http, tokens, conversationId, logger, out _) is { } refused) return refused;
        if (await transcript.Store.FindConversationAsync(conversationId, http.RequestAborted) is null) return DirectLineErrors.NotStarted(logger);
        if (!TryWatermark(watermark, out var after)) return DirectLineErrors.BadRequest(logger, "watermark must be a whole number.");

        var activities = await transcript.Store.ListAsync(conversationId, after, options.Value.MaxActivitiesPerGet, http.RequestAborted);
        var next = activities.Count > 0 ? activities[^1].Sequence : Math.Max(after, -1);
        return TypedResults.Text(DirectLineTranscript.ActivitySet(activities, next), "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> StreamAsync(
        string conversationId, string? t, string? watermark, HttpContext http, DirectLineTokens tokens, DirectLineTranscript transcript, DirectLineStream stream,
        IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        var logger = Logger(loggers);
        var check = tokens.Check(t, DirectLineTokens.StreamScope);
        if (check.Status == TokenStatus.Expired) return DirectLineErrors.Expired(logger);
        if (check.Token is not { } token) return DirectLineErrors.Unauthorized(logger);
        if (!string.Equals(token.ConversationId, conversationId, StringComparison.Ordinal)) return DirectLineErrors.OtherConversation(logger);
        if (!TryWatermark(watermark, out var from)) return DirectLineErrors.BadRequest(logger, "watermark must be a whole number.");
        if (!http.WebSockets.IsWebSocketRequest) return DirectLineErrors.BadRequest(logger, "The stream is a WebSocket: connect with an upgrade request.");
        if (await transcript.Store.FindConversationAsync(conversationId, http.RequestAborted) is null) return DirectLineErrors.NotStarted(logger);

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        await stream.RunAsync(socket, conversationId, from, cancellation.Token);
        return TypedResults.Empty;
    }

    private static IResult Refresh(HttpContext http, DirectLineTokens tokens, ILoggerFactory loggers)
    {
        var logger = Logger(loggers);
        if (Authorize(http, tokens, null, logger, out var token) is { } refused) return refused;
        var (fresh, expiresIn) = tokens.IssueConversationToken(token!.ConversationId, token.UserId);
        return TypedResults.Ok(new { conversationId = token.ConversationId, token = fresh, expires_in = expiresIn });
    }

    // The bearer must be a valid conversation token, and for the conversation in the route when there is one.
    private static IResult? Authorize(HttpContext http, DirectLineTokens tokens, string? conversationId, ILogger logger, out DirectLineToken? token)
    {
        token = null;
        var header = http.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var check = tokens.Check(bearer, DirectLineTokens.ConversationScope);
        if (check.Status == TokenStatus.Expired) return DirectLineErrors.Expired(logger);
        if (check.Token is null) return DirectLineErrors.Unauthorized(logger);
        if (conversationId is not null && !string.Equals(check.Token.ConversationId, conversationId, StringComparison.Ordinal)) return DirectLineErrors.OtherConversation(logger);
        token = check.Token;
        return null;
    }

    private static object ConversationBody(HttpContext http, DirectLineTokens tokens, DirectLineToken token, long watermark)
    {
        var (fresh, expiresIn) = tokens.IssueConversationToken(token.ConversationId, token.UserId);
        var site = http.RequestServices.GetRequiredService<PublicAddress>().WebSocketBaseUrl;
        var streamUrl = $"{site}{Base}/conversations/{Uri.EscapeDataString(token.ConversationId)}/stream"
                        + $"?watermark={watermark.ToString(CultureInfo.InvariantCulture)}&t={Uri.EscapeDataString(tokens.IssueStreamToken(token.ConversationId, token.UserId))}";
        return new { conversationId = token.ConversationId, token = fresh, expires_in = expiresIn, streamUrl };
    }

    // Direct Line watermarks are opaque strings to clients; ours are sequence numbers. Empty means from the start.
    private static bool TryWatermark(string? text, out long watermark)
    {
        watermark = -1;
        return string.IsNullOrEmpty(text) || (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out watermark) && watermark >= -1);
    }

    private static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpContext http, int maxCharacters, ILogger logger)
    {
        var text = await JsonBody.ReadAsync(http.Request, maxCharacters, http.RequestAborted);
        if (text is null)
        {
            return (null, DirectLineErrors.Problem(logger, StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The activity is larger than {maxCharacters} characters."));
        }

        if (text.Length == 0) return (null, DirectLineErrors.BadRequest(logger, "The body is empty: send one activity as JSON."));

        try
        {
            if (JsonNode.Parse(text) is not JsonObject body)
            {
                return (null, DirectLineErrors.BadRequest(logger, "The body must be one JSON object (an activity)."));
            }

            _ = body.Count; // a duplicate property name surfaces here, not later
            return (body, null);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return (null, DirectLineErrors.BadRequest(logger, "The body is not valid JSON: " + ex.Message));
        }
    }

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(DirectLineEndpoints));
}

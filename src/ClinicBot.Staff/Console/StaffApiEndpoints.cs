using System.Text.Json;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.Privacy;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Queue;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Staff.Console;

/// <summary>
/// The staff console at <c>/staff</c> and its JSON API under <c>/api/staff/</c>: sign in, list, open, claim, reply,
/// resolve, erase the patient ("forget me", audited under the staff member), and a server-sent-events stream of queue changes. Every endpoint but sign-in answers 401 when signed out;
/// every POST needs the antiforgery token from <c>GET /api/staff/antiforgery</c> in the X-CSRF-TOKEN header.
/// </summary>
public static class StaffApiEndpoints
{
    private const int MaxReplyLength = 1600;

    /// <summary>Maps the console's static page and the API.</summary>
    public static IEndpointRouteBuilder MapStaffConsole(this IEndpointRouteBuilder app)
    {
        var console = Path.Combine(AppContext.BaseDirectory, "staff-console");
        app.MapGet("/staff", () => Results.File(Path.Combine(console, "index.html"), "text/html; charset=utf-8"));
        app.MapGet("/staff/{file:regex(^[a-z-]+\\.(js|css)$)}", (string file) =>
            File.Exists(Path.Combine(console, file))
                ? Results.File(Path.Combine(console, file), file.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/css")
                : Results.NotFound());

        var api = app.MapGroup("/api/staff");
        api.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            TypedResults.Ok(new { token = antiforgery.GetAndStoreTokens(context).RequestToken }));
        api.MapPost("/sign-in", SignInAsync).AddEndpointFilter(ValidateAntiforgery);

        var signedIn = api.MapGroup("").RequireAuthorization(StaffClaims.Policy);
        signedIn.MapPost("/sign-out", async (HttpContext context, StaffSessions sessions) =>
        {
            // Ends every session of the account, so a copy of this cookie is refused too.
            await sessions.SignOutAsync(context.User.Email(), context.RequestAborted);
            await context.SignOutAsync(StaffClaims.Scheme);
            return TypedResults.NoContent();
        }).AddEndpointFilter(ValidateAntiforgery);
        signedIn.MapGet("/me", (HttpContext context) => TypedResults.Ok(new { email = context.User.Email(), name = context.User.DisplayName() }));
        signedIn.MapGet("/escalations", ListAsync);
        signedIn.MapGet("/escalations/{id}", OpenAsync);
        signedIn.MapPost("/escalations/{id}/claim", ClaimAsync).AddEndpointFilter(ValidateAntiforgery);
        signedIn.MapPost("/escalations/{id}/reply", ReplyAsync).AddEndpointFilter(ValidateAntiforgery);
        signedIn.MapPost("/escalations/{id}/resolve", ResolveAsync).AddEndpointFilter(ValidateAntiforgery);
        signedIn.MapPost("/escalations/{id}/erase", EraseAsync).AddEndpointFilter(ValidateAntiforgery);
        signedIn.MapGet("/events", StreamEventsAsync);
        return app;
    }

    private static async Task<Results<Ok<object>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext context, StaffSignInService signIn, IAuditLog audit, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem("Email and password are required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await signIn.SignInAsync(request.Email, request.Password, ClientAddress.Of(context), context.RequestAborted);
        var action = result.Outcome switch { SignInOutcome.Success => "signed_in", SignInOutcome.Throttled => "sign_in_held_back", _ => "sign_in_failed" };
        await audit.RecordAsync(new AuditEntry(request.Email.Trim().ToLowerInvariant(), action, null, time.GetUtcNow()), context.RequestAborted);
        if (result.Outcome == SignInOutcome.Throttled)
        {
            // The same wait and words whether or not the email has an account.
            var seconds = (int)Math.Ceiling(result.RetryAfter.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem($"Too many failed sign-ins from this address: try again in {seconds} seconds.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        if (result.Outcome != SignInOutcome.Success) return TypedResults.Problem("Wrong email or password.", statusCode: StatusCodes.Status401Unauthorized);

        var account = result.Account!;
        await context.SignInAsync(StaffClaims.Scheme, StaffClaims.For(account.Email, account.Name, account.SecurityStamp));
        return TypedResults.Ok<object>(new { email = account.Email, name = account.Name });
    }

    private static async Task<Ok<List<EscalationView>>> ListAsync(
        string? status, string? priority, bool? includeResolved, EscalationQueue queue, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var escalations = await queue.ListAsync(new EscalationFilter(status, priority, includeResolved ?? false), cancellationToken);
        return TypedResults.Ok(escalations.Select(e => EscalationView.Of(e, now)).ToList());
    }

    private static async Task<Results<Ok<EscalationView>, NotFound>> OpenAsync(
        string id, HttpContext context, EscalationQueue queue, TimeProvider time, CancellationToken cancellationToken)
    {
        var opened = await queue.OpenAsync(id, context.User.Email(), cancellationToken);
        return opened is { } found ? TypedResults.Ok(EscalationView.Of(found.Escalation, time.GetUtcNow(), found.Transcript)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok, NotFound, ProblemHttpResult>> ClaimAsync(
        string id, HttpContext context, EscalationQueue queue, StaffNotices notices, CancellationToken cancellationToken)
    {
        var escalation = await queue.GetAsync(id, cancellationToken);
        if (escalation is null) return TypedResults.NotFound();
        if (!await queue.ClaimAsync(id, context.User.Email(), cancellationToken))
        {
            return TypedResults.Problem("Only an open escalation can be claimed; someone may have claimed it first.", statusCode: StatusCodes.Status409Conflict);
        }

        await notices.JoinedAsync(escalation, context.User.DisplayName(), cancellationToken);
        return TypedResults.Ok();
    }

    private static async Task<Results<Ok<object>, Accepted<object>, NotFound, ProblemHttpResult>> ReplyAsync(
        string id, StaffReplyRequest request, HttpContext context, EscalationQueue queue, PatientMessenger messenger, IAuditLog audit,
        QueueEvents events, TimeProvider time, CancellationToken cancellationToken)
    {
        var text = request.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxReplyLength)
        {
            return TypedResults.Problem($"A reply needs between 1 and {MaxReplyLength} characters.", statusCode: StatusCodes.Status400BadRequest);
        }

        var escalation = await queue.GetAsync(id, cancellationToken);
        if (escalation is null) return TypedResults.NotFound();
        if (escalation.Status != EscalationStatus.Claimed || escalation.Assignee != context.User.Email())
        {
            return TypedResults.Problem("Claim the escalation before replying.", statusCode: StatusCodes.Status409Conflict);
        }

        ChannelNames.TryParse(escalation.Channel, out var channel);
        // The reply is in the transcript and audited before delivery is tried: a channel that is down queues it (202).
        await audit.RecordAsync(new AuditEntry(context.User.Email(), "replied", id, time.GetUtcNow()), cancellationToken);
        var outcome = await messenger.SendAsync(escalation.ConversationId, channel, "staff", text, cancellationToken);
        events.Publish(new QueueEvent("replied", id, escalation.ConversationId));
        object body = new { delivered = outcome == DeliveryOutcome.Delivered, queued = outcome == DeliveryOutcome.Queued };
        return outcome == DeliveryOutcome.Delivered ? TypedResults.Ok(body) : TypedResults.Accepted((string?)null, body);
    }

    private static async Task<Results<Ok, NotFound, ProblemHttpResult>> ResolveAsync(
        string id, HttpContext context, EscalationQueue queue, StaffNotices notices, CancellationToken cancellationToken)
    {
        var escalation = await queue.GetAsync(id, cancellationToken);
        if (escalation is null) return TypedResults.NotFound();
        if (!await queue.ResolveAsync(id, context.User.Email(), cancellationToken))
        {
            return TypedResults.Problem("Only a claimed escalation can be resolved.", statusCode: StatusCodes.Status409Conflict);
        }

        await notices.LeftAsync(escalation, cancellationToken);
        return TypedResults.Ok();
    }

    // "Forget me" on the patient's behalf: every conversation of theirs on that channel goes (an open escalation stays,
    // redacted); the audit entry names the staff member and the escalation, with counts only.
    private static async Task<Results<Ok<object>, NotFound>> EraseAsync(
        string id, HttpContext context, EscalationQueue queue, IPatientEraser eraser, QueueEvents events, TimeProvider time, CancellationToken cancellationToken)
    {
        var escalation = await queue.GetAsync(id, cancellationToken);
        if (escalation is null) return TypedResults.NotFound();

        var request = new ErasureRequest(escalation.ConversationId, escalation.Channel, context.User.Email(), time.GetUtcNow()) { EscalationId = id };
        var receipt = await eraser.EraseAsync(request, cancellationToken);
        events.Publish(new QueueEvent("erased", id, escalation.ConversationId));
        return TypedResults.Ok<object>(new
        {
            conversations = receipt.Conversations,
            rows = receipt.Rows,
            escalationsKept = receipt.EscalationsKept,
            optOutKept = receipt.OptOutKept,
        });
    }

    // Server-sent events: one "data:" line of JSON per queue change, and a comment every 15 s to keep proxies open; the
    // stream ends at the first beat after its session does (signed out, password reset, account disabled).
    private static async Task StreamEventsAsync(HttpContext context, QueueEvents events, StaffSessions sessions, CancellationToken cancellationToken)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync(": connected\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);

        using var heartbeat = new PeriodicTimer(TimeSpan.FromSeconds(15));
        var subscription = events.SubscribeAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var next = subscription.MoveNextAsync().AsTask();
        var tick = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (await Task.WhenAny(next, tick) == next)
                {
                    if (!await next) break;
                    await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(subscription.Current, JsonSerializerOptions.Web)}\n\n", cancellationToken);
                    next = subscription.MoveNextAsync().AsTask();
                }
                else
                {
                    if (!await sessions.IsCurrentAsync(context.User.Email(), context.User.SecurityStamp(), cancellationToken)) break;
                    // A PeriodicTimer allows one pending wait at a time, so a new one starts only after a tick.
                    await context.Response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    tick = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
                }

                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The console closed the stream.
        }
        finally
        {
            // An async iterator may be disposed only once its pending MoveNextAsync has ended, which the request's
            // cancellation brings about; otherwise it throws after the response has started.
            await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
            if (next.IsCompleted) await subscription.DisposeAsync();
        }
    }

    private static async ValueTask<object?> ValidateAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            return TypedResults.Problem("Missing or invalid antiforgery token (X-CSRF-TOKEN).", statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}

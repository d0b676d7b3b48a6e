using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ClinicBot.Host.Tests.Fixtures;

/// <summary>
/// A channel's Connector endpoint (the activity's serviceUrl): records what the bot posts and answers with scripted
/// statuses (e.g. 429 with Retry-After, then 200).
/// </summary>
public sealed class FakeChannel : LocalServer
{
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();

    public ConcurrentQueue<Received> Requests { get; } = new();

    public sealed record Received(string RawTarget, string? Authorization, JsonObject Activity, DateTimeOffset At);

    /// <summary>The next responses, in order; afterwards every request gets 200.</summary>
    public void Script(params (int Status, string? RetryAfter)[] responses)
    {
        foreach (var response in responses) _script.Enqueue(response);
    }

    public IReadOnlyList<JsonObject> Activities(string? type = null) =>
        Requests.Select(r => r.Activity).Where(a => type is null || (string?)a["type"] == type).ToList();

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId?}", async (HttpContext http) =>
        {
            var activity = (await JsonSerializer.DeserializeAsync<JsonObject>(http.Request.Body))!;
            var raw = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
            Requests.Enqueue(new Received(raw, http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, activity, DateTimeOffset.UtcNow));
            if (_script.TryDequeue(out var next) && next.Status != 200)
            {
                if (next.RetryAfter is not null) http.Response.Headers.RetryAfter = next.RetryAfter;
                return Results.StatusCode(next.Status);
            }

            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
    }
}

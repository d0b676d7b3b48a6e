using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Llm.Tests.Server;

/// <summary>
/// An OpenAI-compatible <c>POST /v1/chat/completions</c> (and Azure OpenAI's
/// <c>POST /openai/deployments/NAME/chat/completions</c>) on Kestrel, 127.0.0.1 and a random port, answering each
/// request with whatever the current <see cref="Script"/> writes. It records every request (body, path, credentials)
/// so tests can check what left the clinic. No network beyond loopback, no real keys.
/// </summary>
public sealed class ScriptedOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonObject> _requests = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private ScriptedOpenAiServer(WebApplication app) => _app = app;

    /// <summary>Writes the response to one request; the default answers "NO_ANSWER".</summary>
    public Func<ScriptedRequest, HttpResponse, Task> Script { get; set; } = (_, response) => Responses.Completion(response, "NO_ANSWER");

    /// <summary>The base URL to configure as <c>Llm:Endpoint</c>, e.g. <c>http://127.0.0.1:41234/v1/</c>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>The request bodies received, oldest first.</summary>
    public IReadOnlyList<JsonObject> Requests => _requests.ToList();

    /// <summary>Where each request went and the credentials it carried, oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _received.ToList();

    /// <summary>The server's root URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string Root => Endpoint[..^"v1/".Length];

    public static async Task<ScriptedOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedOpenAiServer(app);
        RequestDelegate complete = async context =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
            server._received.Enqueue(new ReceivedRequest(
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.ToString(),
                context.Request.Headers["api-key"].ToString()));
            server._requests.Enqueue(body);
            await server.Script(new ScriptedRequest(body, server._requests.Count), context.Response);
        };
        app.MapPost("/v1/chat/completions", complete);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", complete);
        await app.StartAsync();
        server.Endpoint = app.Urls.Single().TrimEnd('/') + "/v1/";
        return server;
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void Reset()
    {
        _requests.Clear();
        _received.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Where a request went and what credentials it carried.</summary>
/// <param name="PathAndQuery">E.g. <c>/v1/chat/completions</c> or <c>/openai/deployments/NAME/chat/completions?api-version=...</c>.</param>
/// <param name="Authorization">The <c>Authorization</c> header, or empty.</param>
/// <param name="ApiKey">Azure OpenAI's <c>api-key</c> header, or empty.</param>
public sealed record ReceivedRequest(string PathAndQuery, string Authorization, string ApiKey);

/// <summary>A request as the script sees it.</summary>
/// <param name="Body">The JSON body the connector sent.</param>
/// <param name="Number">1 for the first request since the last reset, 2 for the second...</param>
public sealed record ScriptedRequest(JsonObject Body, int Number)
{
    /// <summary>The text of the user message: the passages and the question.</summary>
    public string UserText => Message("user");

    /// <summary>The text of the system message: the instructions.</summary>
    public string SystemText => Message("system");

    /// <summary>Whether the connector asked for a stream.</summary>
    public bool Stream => Body["stream"]?.GetValue<bool>() ?? false;

    /// <summary>The passages of the prompt by number: "[2] Title — Heading: text" gives 2 → text.</summary>
    public IReadOnlyDictionary<int, string> Passages => UserText.Split('\n')
        .Select(line => System.Text.RegularExpressions.Regex.Match(line.Trim(), @"^\[(\d+)\] [^:]*: (.*)$"))
        .Where(m => m.Success)
        .ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value);

    private string Message(string role) => string.Join("\n", Body["messages"]!.AsArray()
        .Where(m => m!["role"]!.GetValue<string>() == role)
        .Select(m => m!["content"] is JsonArray parts ? string.Concat(parts.Select(p => p!["text"]?.GetValue<string>())) : m["content"]!.GetValue<string>()));
}

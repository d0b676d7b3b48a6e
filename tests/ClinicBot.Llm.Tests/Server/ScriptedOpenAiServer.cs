using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Llm.Tests.Server;

/// <summary>
/// An OpenAI-compatible <c>POST /v1/chat/completions</c> on Kestrel, 127.0.0.1 and a random port, answering each
/// request with whatever the current <see cref="Script"/> writes. It records every request body so tests can check
/// what left the clinic. No network beyond loopback, no keys.
/// </summary>
public sealed class ScriptedOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonObject> _requests = new();

    private ScriptedOpenAiServer(WebApplication app) => _app = app;

    /// <summary>Writes the response to one request; the default answers "NO_ANSWER".</summary>
    public Func<ScriptedRequest, HttpResponse, Task> Script { get; set; } = (_, response) => Responses.Completion(response, "NO_ANSWER");

    /// <summary>The base URL to configure as <c>Llm:Endpoint</c>, e.g. <c>http://127.0.0.1:41234/v1/</c>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>The request bodies received, oldest first.</summary>
    public IReadOnlyList<JsonObject> Requests => _requests.ToList();

    public static async Task<ScriptedOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedOpenAiServer(app);
        app.MapPost("/v1/chat/completions", async context =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
            server._requests.Enqueue(body);
            await server.Script(new ScriptedRequest(body, server._requests.Count), context.Response);
        });
        await app.StartAsync();
        server.Endpoint = app.Urls.Single().TrimEnd('/') + "/v1/";
        return server;
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void Reset() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A request as the script sees it.</summary>
/// <param name="Body">The JSON body the SDK sent.</param>
/// <param name="Number">1 for the first request since the last reset, 2 for the second...</param>
public sealed record ScriptedRequest(JsonObject Body, int Number)
{
    /// <summary>The text of the user message: the passages and the question.</summary>
    public string UserText => Message("user");

    /// <summary>The text of the system message: the instructions.</summary>
    public string SystemText => Message("system");

    /// <summary>Whether the SDK asked for a stream.</summary>
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

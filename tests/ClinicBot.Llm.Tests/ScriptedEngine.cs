using ClinicBot.Conversations.Turns;
using ClinicBot.Llm.Tests.Server;
using ClinicBot.Prompts;
using ClinicBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Llm.Tests;

/// <summary>
/// The real engine (EngineHost: SQLite file, repository articles and prompts) with <c>Llm:*</c> pointing at a
/// scripted OpenAI-compatible server on loopback. Timeouts are short so failure tests finish quickly.
/// </summary>
public sealed class ScriptedEngine : IAsyncDisposable
{
    private ScriptedEngine(ScriptedOpenAiServer server, EngineHost host)
    {
        Server = server;
        Host = host;
    }

    /// <summary>Stands for the scripted server's root URL (<c>http://127.0.0.1:PORT/</c>) in a setting's value.</summary>
    public const string ServerRoot = "{server}/";

    public ScriptedOpenAiServer Server { get; }

    public EngineHost Host { get; }

    public TurnPipeline Pipeline => Host.Get<TurnPipeline>();

    /// <summary>Starts the server and the engine; <paramref name="overrides"/> replace settings, <paramref name="configure"/> services.</summary>
    public static async Task<ScriptedEngine> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null)
    {
        var server = await ScriptedOpenAiServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = server.Endpoint,
            ["Llm:Deployment"] = "test-deployment",
            ["Llm:ApiKey"] = "test-key",
            ["Llm:Timeout"] = "00:00:03",
            ["Llm:AttemptTimeout"] = "00:00:01.500",
            ["Llm:RetryDelay"] = "00:00:00.050",
            ["Llm:MaxRetryAfter"] = "00:00:02",
            ["Llm:CircuitMinimumThroughput"] = "1000",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value?.Replace(ServerRoot, server.Root, StringComparison.Ordinal);
        return new ScriptedEngine(server, new EngineHost(settings, configure));
    }

    /// <summary>One message as a new conversation.</summary>
    public Task<Reply> AskAsync(string text, Channel channel = Channel.Web, string locale = "en") =>
        Pipeline.HandleAsync(new TurnRequest("llm-" + Guid.NewGuid().ToString("N"), channel, locale, text));

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Server.DisposeAsync();
    }
}

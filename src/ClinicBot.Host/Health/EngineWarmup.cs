using System.Text.RegularExpressions;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.Turns;
using ClinicBot.Knowledge;
using ClinicBot.Safety.Triage;
using Microsoft.Extensions.Options;

namespace ClinicBot.Host.Health;

/// <summary>
/// Loads the articles, brings the search index up to date, builds the turn pipeline and the channels' stores, runs the
/// triage model once, then representative turns (<see cref="TurnWarmup"/>) at start-up, so the first patients neither
/// wait nor pay for compilation: the host says it is ready only after that.
/// </summary>
internal sealed partial class EngineWarmup(IServiceProvider services, IOptions<WarmupOptions> options, ILogger<EngineWarmup> logger) : BackgroundService
{
    private volatile bool _ready;

    /// <summary>Whether the knowledge base is loaded and its index current.</summary>
    public bool Ready => _ready;

    /// <summary>How many articles were loaded.</summary>
    public int Articles { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        // The triage model (rules compiled, 13 MB of weights and remembered vectors read) loads on one core while the
        // articles are indexed on the other: ready in the longer of the two rather than their sum.
        var triageLoaded = Task.Run(services.GetRequiredService<TriageClassifier>, stoppingToken);
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        var triage = await triageLoaded;
        services.GetRequiredService<TurnPipeline>();
        // Stores create their tables when first built: build the channels' now, while the database takes writes, so a
        // database failing later can never keep a patient's message from reaching the safety net.
        services.GetRequiredService<ActivityProcessor>();
        services.GetRequiredService<PatientMessenger>();
        // The first pass through ONNX Runtime is the slow one; take it here rather than on a patient's message.
        try
        {
            triage.Classify("What is ketamine therapy?", "en");
        }
        catch (RegexMatchTimeoutException ex)
        {
            // A machine starved of CPU at start-up (several hosts starting at once) can run a rule past its match
            // timeout. The pass is only a warm-up: it must not stop the host (a BackgroundService that throws does).
            WarmupTimedOut(logger, ex);
        }

        Articles = knowledge.Articles.Count;
        // Then whole turns on a throwaway copy of the path (no patient data, no escalation), until compilation settles.
        if (options.Value.Turns) await services.GetRequiredService<TurnWarmup>().RunAsync(stoppingToken);
        _ready = true;
        Loaded(logger, Articles);
    }, stoppingToken);

    [LoggerMessage(1, LogLevel.Information, "Knowledge base loaded: {Articles} articles, search index current")]
    private static partial void Loaded(ILogger logger, int articles);

    [LoggerMessage(2, LogLevel.Warning, "The triage warm-up ran past a rule's match timeout (the machine is busy); the host starts anyway")]
    private static partial void WarmupTimedOut(ILogger logger, Exception exception);
}

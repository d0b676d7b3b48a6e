using System.Text.RegularExpressions;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.Turns;
using ClinicBot.Knowledge;
using ClinicBot.Safety.Triage;

namespace ClinicBot.Host.Health;

/// <summary>
/// Loads the articles, brings the search index up to date, builds the turn pipeline and the channels' stores and runs
/// the triage model once at start-up, so the first patient does not wait.
/// </summary>
internal sealed partial class EngineWarmup(IServiceProvider services, ILogger<EngineWarmup> logger) : BackgroundService
{
    private volatile bool _ready;

    /// <summary>Whether the knowledge base is loaded and its index current.</summary>
    public bool Ready => _ready;

    /// <summary>How many articles were loaded.</summary>
    public int Articles { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        services.GetRequiredService<TurnPipeline>();
        // Stores create their tables when first built: build the channels' now, while the database takes writes, so a
        // database failing later can never keep a patient's message from reaching the safety net.
        services.GetRequiredService<ActivityProcessor>();
        services.GetRequiredService<PatientMessenger>();
        // The first pass through ONNX Runtime is the slow one; take it here rather than on a patient's message.
        var triage = services.GetRequiredService<TriageClassifier>();
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
        _ready = true;
        Loaded(logger, Articles);
    }, stoppingToken);

    [LoggerMessage(1, LogLevel.Information, "Knowledge base loaded: {Articles} articles, search index current")]
    private static partial void Loaded(ILogger logger, int articles);

    [LoggerMessage(2, LogLevel.Warning, "The triage warm-up ran past a rule's match timeout (the machine is busy); the host starts anyway")]
    private static partial void WarmupTimedOut(ILogger logger, Exception exception);
}

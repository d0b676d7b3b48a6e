using ClinicBot.Conversations.Turns;
using ClinicBot.Knowledge;

namespace ClinicBot.Host.Health;

/// <summary>Loads the articles, brings the search index up to date and builds the turn pipeline at start-up, so the first patient does not wait.</summary>
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
        Articles = knowledge.Articles.Count;
        _ready = true;
        Loaded(logger, Articles);
    }, stoppingToken);

    [LoggerMessage(1, LogLevel.Information, "Knowledge base loaded: {Articles} articles, search index current")]
    private static partial void Loaded(ILogger logger, int articles);
}

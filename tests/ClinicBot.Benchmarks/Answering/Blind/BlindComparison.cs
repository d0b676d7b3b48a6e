using ClinicBot.Answering.Extractive;
using ClinicBot.Answering.Retrieval;
using ClinicBot.Benchmarks.Measurement;
using ClinicBot.Embeddings;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Search;
using ClinicBot.Testing;
using ClinicBot.Training.Answers;

namespace ClinicBot.Benchmarks.Answering.Blind;

/// <summary>
/// ClinicBot and its two top-paragraph peers over the real engine, with the blind split's questions (<c>tests/data/answers/blind</c>),
/// each message embedded once beforehand as triage would (so no system is timed on the shared embedding). A follow-up's
/// previous question was embedded on its own turn, so it is embedded once beforehand too and the engine's embedder
/// finds it in its cache, as in the turn pipeline. The message embeddings are timed with an embedder without a cache.
/// </summary>
internal sealed class BlindComparison : IDisposable
{
    private const int EmbeddingWarmup = 20;

    private readonly SentenceEmbedder _embedder;
    private readonly EngineHost _host;

    private BlindComparison(SentenceEmbedder embedder)
    {
        _embedder = embedder;
        _host = new EngineHost();
        Knowledge = _host.Get<KnowledgeBase>();
        ClinicBot = new ClinicBotAnswerer(_host.Get<ExtractiveComposer>());
        Bm25Peer = new Bm25TopParagraphPeer(_host.Get<QuestionReader>(), _host.Get<PassageSearcher>());
        DensePeer = new DenseTopParagraphPeer(Knowledge);
    }

    /// <summary>Where the blind split is.</summary>
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "data", "answers", "blind");

    /// <summary>The articles, as the engine loaded them.</summary>
    public KnowledgeBase Knowledge { get; }

    /// <summary>The questions, each with its vector.</summary>
    public IReadOnlyList<BlindQuestion> Questions { get; private set; } = [];

    /// <summary>How long each message's embedding took (the step shared with triage), once a question.</summary>
    public LatencySamples Embedding { get; } = new();

    /// <summary>ClinicBot's offline answerer.</summary>
    public ClinicBotAnswerer ClinicBot { get; }

    /// <summary>The FTS5 BM25 top paragraph.</summary>
    public Bm25TopParagraphPeer Bm25Peer { get; }

    /// <summary>The nearest-sentence top paragraph.</summary>
    public DenseTopParagraphPeer DensePeer { get; }

    /// <summary>The three systems, ClinicBot first.</summary>
    public IReadOnlyList<IBlindAnswerer> Systems => [ClinicBot, Bm25Peer, DensePeer];

    /// <summary>Loads the engine and the blind split; <paramref name="sample"/> keeps that many questions spread evenly over it.</summary>
    public static BlindComparison Load(int? sample = null)
    {
        var examples = AnswerCorpus.Read(Directory);
        if (sample is { } count && count < examples.Count)
        {
            var step = examples.Count / count;
            examples = examples.Where((_, i) => i % step == 0).Take(count).ToList();
        }

        var gloss = SpanishGloss.Load(Path.Combine(RepositoryPaths.Prompts, "safety"));
        var comparison = new BlindComparison(new SentenceEmbedder(new EmbeddingOptions { CacheEntries = 0 }));
        var inputs = examples.Select(e => gloss.EmbeddingInput(e.Text, e.Locale)).ToList();
        foreach (var example in examples.Where(e => e.IsFollowUp)) SentenceEmbedder.Shared.Embed(gloss.EmbeddingInput(example.Previous![^1], example.Locale));
        foreach (var input in inputs.Take(EmbeddingWarmup)) comparison._embedder.Embed(input);
        comparison.Questions = examples
            .Select((e, i) => new BlindQuestion(e, AnswerReport.Request(e) with { Embedding = comparison.Embedding.Time(() => comparison._embedder.Embed(inputs[i])) }))
            .ToList();
        return comparison;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _host.Dispose();
        _embedder.Dispose();
    }
}

using BenchmarkDotNet.Attributes;
using ClinicBot.Embeddings;
using ClinicBot.Safety.Triage;
using ClinicBot.Testing;
using ClinicBot.Testing.DevSet;

namespace ClinicBot.Benchmarks.Triage;

/// <summary>
/// Triage with the model, per message, beside its floor: ONNX Runtime running all-MiniLM-L6-v2 on the same messages,
/// already tokenised (the baseline). Budget: the model at most 5 ms a message, triage at most 1.3 times the bare
/// inference. The vector cache is off, so every message is embedded as a new one would be. Each invocation reads every
/// dev-set message once; OperationsPerInvoke makes the figures per message.
/// </summary>
[MemoryDiagnoser]
public class TriageModelBenchmarks
{
    private const int Messages = 150;

    private SentenceEmbedder _embedder = null!;
    private TriageClassifier _classifier = null!;
    private (string Text, string Locale, long[] Tokens)[] _messages = [];

    [GlobalSetup]
    public void Setup()
    {
        _embedder = new SentenceEmbedder(new EmbeddingOptions { CacheEntries = 0 });
        _classifier = TriageClassifier.Load(Path.Combine(RepositoryPaths.Prompts, "safety"), () => _embedder);
        if (!_classifier.HasModel) throw new InvalidOperationException("No triage model: run `clinicbot train triage`.");
        _messages = DevSetLoader.All.Select(c => (c.Text, c.Locale, _embedder.Tokenize(c.Text))).ToArray();
        if (_messages.Length != Messages) throw new InvalidOperationException($"The dev set has {_messages.Length} messages; update {nameof(Messages)}.");
    }

    [GlobalCleanup]
    public void Cleanup() => _embedder.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public float BareOnnxInference()
    {
        var sum = 0f;
        foreach (var (_, _, tokens) in _messages) sum += _embedder.Infer(tokens)[0];
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int TriageWithModel()
    {
        var crises = 0;
        foreach (var (text, locale, _) in _messages)
        {
            if (_classifier.Classify(text, locale).Route == TriageRoute.Crisis) crises++;
        }

        return crises;
    }
}

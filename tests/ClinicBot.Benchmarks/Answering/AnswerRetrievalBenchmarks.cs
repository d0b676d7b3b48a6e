using BenchmarkDotNet.Attributes;
using ClinicBot.Benchmarks.Answering.Blind;

namespace ClinicBot.Benchmarks.Answering;

/// <summary>
/// Retrieval + composition per question beyond the shared embedding of the message, ClinicBot beside its peers, on a
/// fixed sample of the blind split spread evenly over it (English, Spanish and follow-ups): the FTS5 BM25 top paragraph
/// (the baseline), the dense top paragraph, and ClinicBot's composer given the message's vector. Each invocation answers
/// every sampled question once; OperationsPerInvoke makes the figures per question. Limit: ClinicBot's median ≤ 2 ms.
/// </summary>
[MemoryDiagnoser]
public class AnswerRetrievalBenchmarks
{
    private const int Questions = 50;

    private BlindComparison _comparison = null!;

    [GlobalSetup]
    public void Setup()
    {
        _comparison = BlindComparison.Load(sample: Questions);
        if (_comparison.Questions.Count != Questions) throw new InvalidOperationException($"The blind split has fewer than {Questions} questions.");
    }

    [GlobalCleanup]
    public void Cleanup() => _comparison.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Questions)]
    public int Bm25TopParagraph() => AnswerAll(_comparison.Bm25Peer);

    [Benchmark(OperationsPerInvoke = Questions)]
    public int DenseTopParagraph() => AnswerAll(_comparison.DensePeer);

    [Benchmark(OperationsPerInvoke = Questions)]
    public int ClinicBotCompose() => AnswerAll(_comparison.ClinicBot);

    private int AnswerAll(IBlindAnswerer answerer)
    {
        var length = 0;
        foreach (var question in _comparison.Questions) length += answerer.Answer(question).Text.Length;
        return length;
    }
}

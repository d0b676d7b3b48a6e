using BenchmarkDotNet.Attributes;
using ClinicBot.Answering.Extractive;
using ClinicBot.Prompts;
using ClinicBot.Testing;
using ClinicBot.Testing.DevSet;

namespace ClinicBot.Benchmarks.Answering;

/// <summary>
/// Retrieval (FTS5 over the real SQLite file) plus extractive composition for one question, over every
/// education and unanswerable question of the dev set. Target: median ≤ 1 ms per question.
/// </summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private EngineHost _host = null!;
    private ExtractiveComposer _composer = null!;

    public static IEnumerable<DevSetCase> Questions() => DevSetLoader.All.Where(c => c.Category is "education" or "unanswerable");

    [ParamsSource(nameof(Questions))]
    public DevSetCase Question { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = new EngineHost();
        _composer = _host.Get<ExtractiveComposer>();
        _composer.Compose("warm up", "en", Channel.Web);
    }

    [Benchmark]
    public string RetrieveAndCompose() => _composer.Compose(Question.Text, Question.Locale, Question.Channel).Text;

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();
}

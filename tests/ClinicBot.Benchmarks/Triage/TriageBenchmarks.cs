using BenchmarkDotNet.Attributes;
using ClinicBot.Safety.Triage;
using ClinicBot.Testing;
using ClinicBot.Testing.DevSet;

namespace ClinicBot.Benchmarks.Triage;

/// <summary>
/// The rules half of triage (without the model, see <see cref="TriageModelBenchmarks"/>) has a budget: at most 100 µs per message. Each invocation classifies every
/// dev-set message once; OperationsPerInvoke makes the reported mean a per-message figure.
/// Public and unsealed because BenchmarkDotNet generates a class deriving from it.
/// </summary>
[MemoryDiagnoser]
public class TriageBenchmarks
{
    // The dev set's size; GlobalSetup checks it so the per-message figure stays honest if the file changes.
    private const int Messages = 150;

    private TriageRules _classifier = null!;
    private (string Text, string Locale)[] _messages = [];

    [GlobalSetup]
    public void Setup()
    {
        _classifier = TriageRules.Load(Path.Combine(RepositoryPaths.Prompts, "safety"));
        _messages = DevSetLoader.All.Select(c => (c.Text, c.Locale)).ToArray();
        if (_messages.Length != Messages)
        {
            throw new InvalidOperationException($"The dev set has {_messages.Length} messages; update {nameof(Messages)}.");
        }
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int ClassifyDevSetMessage()
    {
        var crises = 0;
        foreach (var (text, locale) in _messages)
        {
            if (_classifier.Classify(text, locale).Route == TriageRoute.Crisis) crises++;
        }

        return crises;
    }
}

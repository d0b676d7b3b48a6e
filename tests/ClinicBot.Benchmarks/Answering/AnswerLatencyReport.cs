using ClinicBot.Answering.Extractive;
using ClinicBot.Benchmarks.Measurement;
using ClinicBot.Testing;
using ClinicBot.Testing.DevSet;

namespace ClinicBot.Benchmarks.Answering;

/// <summary>
/// A quick load run for CI: every education and unanswerable dev-set question answered many times, then the
/// p50/p95/p99 of retrieval + composition printed. BenchmarkDotNet gives the careful per-question figures;
/// this gives the distribution in seconds rather than minutes.
/// </summary>
internal static class AnswerLatencyReport
{
    private const int WarmupRounds = 20;

    public static void Run(int rounds)
    {
        using var host = new EngineHost();
        var composer = host.Get<ExtractiveComposer>();
        var questions = DevSetLoader.All.Where(c => c.Category is "education" or "unanswerable").ToList();
        // Steady state is what patients get: warm up until the JIT has promoted the hot paths (tiered compilation).
        for (var warmup = 0; warmup < WarmupRounds; warmup++)
        {
            foreach (var q in questions) composer.Compose(q.Text, q.Locale, q.Channel);
        }

        var samples = new LatencySamples();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var q in questions) samples.Time(() => composer.Compose(q.Text, q.Locale, q.Channel));
        }

        var allocatedPerQuestion = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / samples.Count;
        Console.WriteLine($"retrieval + composition over {samples.Count} answers ({questions.Count} dev-set questions x {rounds}):");
        Console.WriteLine($"  p50 {samples.Percentile(0.50):0.000} ms   p95 {samples.Percentile(0.95):0.000} ms   p99 {samples.Percentile(0.99):0.000} ms   max {samples.Max:0.000} ms");
        Console.WriteLine($"  allocated {allocatedPerQuestion / 1024.0:0.0} KiB per answer (target: p50 <= 1 ms)");
    }
}

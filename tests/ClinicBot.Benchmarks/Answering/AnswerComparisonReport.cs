using System.Globalization;
using ClinicBot.Benchmarks.Answering.Blind;
using ClinicBot.Benchmarks.Measurement;
using ClinicBot.Training.Answers;

namespace ClinicBot.Benchmarks.Answering;

/// <summary>
/// The issue's answer figures on the blind split, in one run, for ClinicBot beside its two peers (the FTS5 BM25 top
/// paragraph and the dense top paragraph): how often each cites a right article, states every key fact and abstains on
/// an unanswerable question, per language; and each one's latency per question beyond the shared embedding of the
/// message (vectors computed beforehand, after a warm-up, over several passes). Limits: p50 ≤ 2 ms, p99 ≤ 10 ms.
/// </summary>
internal static class AnswerComparisonReport
{
    private const int WarmupPasses = 3;
    private const double P50LimitMs = 2;
    private const double P99LimitMs = 10;

    public static void Run(int passes)
    {
        using var comparison = BlindComparison.Load();
        var questions = comparison.Questions;
        var systems = comparison.Systems;

        // The scored pass is the first warm-up pass: the JIT promotes the hot paths before anything is timed.
        var outcomes = systems.ToDictionary(s => s, s => questions.Select(q => AnswerReport.Score(q.Example, s.Answer(q), comparison.Knowledge)).ToList());
        for (var pass = 1; pass < WarmupPasses; pass++)
        {
            foreach (var system in systems) foreach (var q in questions) system.Answer(q);
        }

        var standalone = systems.ToDictionary(s => s, _ => new LatencySamples());
        var followUps = systems.ToDictionary(s => s, _ => new LatencySamples());
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var system in systems)
            {
                foreach (var q in questions) (q.Example.IsFollowUp ? followUps : standalone)[system].Time(() => system.Answer(q));
            }
        }

        var answerable = questions.Count(q => q.Example.Answerable);
        Print($"answers on the blind split: {questions.Count} questions ({answerable} answerable, {questions.Count - answerable} unanswerable, {questions.Count(q => q.Example.IsFollowUp)} follow-ups); the peers read the message alone and never abstain, but the bm25 peer has no paragraph when no analysed term is indexed (counted as abstained)");
        foreach (var (group, include) in Groups())
        {
            var counted = outcomes[systems[0]].Where(include).ToList();
            var figures = string.Join(" | ", systems.Select(s => s.Name + " " + Quality(AnswerReport.Of(outcomes[s].Where(include)))));
            Print($"answers quality (blind, {group}: {counted.Count(o => o.Example.Answerable)} answerable / {counted.Count(o => !o.Example.Answerable)} unanswerable): {figures}");
        }

        var cores = Environment.ProcessorCount;
        var overall = systems.ToDictionary(s => s, s => LatencySamples.Merge(standalone[s], followUps[s]));
        var clinicBot = comparison.ClinicBot;
        var latencies = string.Join(" | ", systems.Select(s => s.Name + " " + overall[s].Format()));
        Print($"answers latency (blind, {cores} cores, {questions.Count} questions x {passes} passes, message vectors precomputed): {latencies} | embedding of the message (shared with triage) {comparison.Embedding.Format()}");
        Print($"answers latency (blind) clinicbot: standalone {standalone[clinicBot].Format()} | follow-ups, read with the previous question (its vector from the cache of its own turn) {followUps[clinicBot].Format()}");
        Print($"answers latency limits (issue [Answers], retrieval + composition beyond the shared embedding, 2 cores): p50 <= {P50LimitMs} ms, p99 <= {P99LimitMs} ms; clinicbot on {cores} cores: all questions {Verdict(overall[clinicBot])}, standalone questions {Verdict(standalone[clinicBot])}");
    }

    private static IEnumerable<(string Name, Func<AnswerOutcome, bool> Include)> Groups() =>
    [
        ("all", _ => true),
        ("en", o => o.Example.Locale == "en"),
        ("es", o => o.Example.Locale == "es"),
        ("follow-ups", o => o.Example.IsFollowUp),
    ];

    private static string Quality(AnswerReport report) =>
        Invariant($"cited a right article {report.CitedRate:P1}, all key facts {report.KeyFactsRate:P1}, abstained {report.AbstainRate:P1}");

    private static string Verdict(LatencySamples samples)
    {
        var (p50, p99) = (samples.Percentile(0.50), samples.Percentile(0.99));
        return Invariant($"p50 {p50:0.000} ms p99 {p99:0.000} ms: {(p50 <= P50LimitMs && p99 <= P99LimitMs ? "within" : "OVER")}");
    }

    private static void Print(FormattableString line) => Console.WriteLine(Invariant(line));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

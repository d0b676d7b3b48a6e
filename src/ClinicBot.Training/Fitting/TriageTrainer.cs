using System.Globalization;
using System.Text.Json;
using ClinicBot.Embeddings;
using ClinicBot.Safety.Triage;
using ClinicBot.Safety.Triage.Model;
using ClinicBot.Training.Corpus;
using ClinicBot.Training.Evaluation;

namespace ClinicBot.Training.Fitting;

/// <summary>
/// <c>clinicbot train triage</c>: fits the triage head on the training split of <c>prompts/safety/examples</c>,
/// chooses its thresholds on the validation split with the rules in place (crisis: the most recall while adding at most
/// <see cref="MaxFalseCrisisRate"/> false crises to the rules'), then whether and how the crisis score also consults the
/// nearest training messages (<see cref="TriageMemory"/>), and writes <c>triage-model.json</c>. Deterministic: the
/// same examples give the same file.
/// </summary>
public sealed class TriageTrainer(SentenceEmbedder embedder, TextWriter log)
{
    /// <summary>Features: the sentence vector and this many hashed character n-gram buckets.</summary>
    public const int NGramBuckets = 4096;

    /// <summary>
    /// The most false crises on validation messages the model may add to those of the rules: 2 %. The validation split is
    /// rich in hard negatives (questions about suicidal thoughts, past history, idioms), far more than a clinic's traffic.
    /// </summary>
    public const double MaxFalseCrisisRate = 0.02;

    private const int NGramMin = 3;
    private const int NGramMax = 5;
    private const int ContextMessages = 3;
    private static readonly float[] L2Candidates = [0.03f, 0.1f, 0.3f];
    private static readonly string[] NGramInputs = ["raw", TriageModelFile.NormalizedText];
    private static readonly bool[] PeakPoolings = [true, false];
    private static readonly int[] MemoryNeighbours = [5, 10, 20];
    private static readonly double[] MemoryWeights = [0.3, 0.5, 0.7];
    private static readonly double[] MemoryRouteWeights = [0.2, 0.4, 0.6];

    /// <summary>Trains and writes the model; returns the validation report.</summary>
    /// <param name="safetyDirectory"><c>prompts/safety</c>: the rules, <c>examples/</c>, and where the model is written.</param>
    public TriageReport Train(string safetyDirectory)
    {
        var corpus = TriageCorpus.Read(Path.Combine(safetyDirectory, "examples"));
        var training = corpus.Examples.Where(e => !TriageCorpus.IsValidation(e)).ToList();
        var validation = corpus.Examples.Where(TriageCorpus.IsValidation).ToList();
        log.WriteLine($"examples: {corpus.Examples.Count} ({training.Count} training, {validation.Count} validation), corpus {corpus.Sha256[..12]}");

        var ngrams = new CharNGrams(NGramBuckets, NGramMin, NGramMax);
        var rules = TriageClassifier.Load(safetyDirectory, () => embedder);
        var hash = TriageCorpus.TrainingInputsHash(safetyDirectory);

        // The n-gram input, whether the max-pooled vector is read beside the mean, and the regularisation strength are
        // chosen on validation like the thresholds: the most crisis recall, then the fewest false crises, then the best
        // accuracy on the other routes.
        (TriageModelFile File, TriageReport Report, (double, double, double) Score)? best = null;
        foreach (var (input, peak) in NGramInputs.SelectMany(i => PeakPoolings.Select(p => (i, p))))
        {
            var settings = new TriageModelFile { NgramInput = input, PeakPooling = peak, ContextMessages = ContextMessages };
            var rows = training.Select(e =>
            {
                var earlier = e.Previous.TakeLast(ContextMessages).ToList();
                return (rules.Featurize(settings, e.Text, e.Locale, earlier, ngrams, embedder).ToDense(), TriageRouteNames.Label(e.Route));
            }).ToList();
            foreach (var l2 in L2Candidates)
            {
                var (labels, weights, bias) = MaximumEntropyFit.Fit(rows, l2);
                var file = NewFile(hash, settings, labels, weights, bias);
                Consider(ref best, file, $"n-grams of {input} text, {(peak ? "mean and max" : "mean")} pooling, L2 {l2}");
            }
        }

        // Then the memory of training messages beside the chosen head: how many neighbours vote and how much their vote
        // weighs in the crisis score, chosen the same way (no memory stays a candidate).
        // The memory votes on a message read alone, so it keeps only the examples whose label holds alone.
        var remembered = training.Where(e => e.LabelHoldsAlone).ToList();
        var memoryVectors = new QuantizedVectors(remembered.Select(e => embedder.Embed(rules.EmbeddingInput(e.Text, e.Locale)))).ToBytes();
        var routeLabels = best!.Value.File.Labels;
        var memoryLabels = new string(remembered.Select(e => (char)('0' + routeLabels.IndexOf(TriageRouteNames.Label(e.Route)))).ToArray());
        foreach (var (neighbours, weight) in MemoryNeighbours.SelectMany(k => MemoryWeights.Select(w => (k, w))))
        {
            var file = Copy(best!.Value.File);
            (file.MemoryNeighbours, file.MemoryWeight, file.MemoryVectors, file.MemoryLabels) = (neighbours, weight, memoryVectors, memoryLabels);
            Consider(ref best, file, $"memory of {remembered.Count} messages, {neighbours} neighbours, weight {weight}");
        }

        // Last, whether the other routes (when no rule chose one) also lean on the neighbours, and how much.
        foreach (var weight in MemoryRouteWeights)
        {
            var file = Copy(best!.Value.File);
            if (file.MemoryVectors is null) (file.MemoryNeighbours, file.MemoryVectors, file.MemoryLabels) = (MemoryNeighbours[1], memoryVectors, memoryLabels);
            file.MemoryRouteWeight = weight;
            Consider(ref best, file, $"memory for the other routes, weight {weight}");
        }

        var (chosen, chosenReport, _) = best!.Value;
        WriteFile(safetyDirectory, chosen, chosenReport);
        return chosenReport;

        // Thresholds for a candidate on validation; it replaces the best so far when it does better: the most crisis
        // recall, then the fewest false crises, then the best accuracy on the other routes.
        void Consider(ref (TriageModelFile File, TriageReport Report, (double, double, double) Score)? best, TriageModelFile file, string name)
        {
            var report = new ThresholdSearch(rules, embedder, validation, log).Choose(file);
            var score = (report.Messages.Recall(TriageRoute.Crisis), -report.Messages.FalseCrisisRate(), report.Messages.AccuracyBeyondCrisis());
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: validation crisis recall {score.Item1:P1}, false crisis {-score.Item2:P1}, other routes {score.Item3:P1}"));
            if (best is null || score.CompareTo(best.Value.Score) > 0) best = (file, report, score);
        }
    }

    private static TriageModelFile Copy(TriageModelFile file) =>
        JsonSerializer.Deserialize<TriageModelFile>(JsonSerializer.Serialize(file, TriageModelFile.Json), TriageModelFile.Json)!;

    private static TriageModelFile NewFile(
        string corpusSha256, TriageModelFile settings, IReadOnlyList<string> labels, float[][] weights, float[] bias) => new()
    {
        NgramInput = settings.NgramInput,
        PeakPooling = settings.PeakPooling,
        EmbeddingModel = SentenceEmbedder.ModelName,
        CorpusSha256 = corpusSha256,
        NgramBuckets = NGramBuckets,
        NgramMin = NGramMin,
        NgramMax = NGramMax,
        ContextMessages = ContextMessages,
        Labels = [.. labels],
        Bias = [.. bias],
        Weights = weights.Select(FloatCodec.Encode).ToList(),
    };

    private static void WriteFile(string safetyDirectory, TriageModelFile file, TriageReport report)
    {
        file.Validation = new Dictionary<string, string>
        {
            ["messages"] = report.Messages.Total().ToString(CultureInfo.InvariantCulture),
            ["crisis_recall"] = Percent(report.Messages.Recall(TriageRoute.Crisis)),
            ["false_crisis"] = Percent(report.Messages.FalseCrisisRate()),
            ["clinical_recall"] = Percent(report.Messages.Recall(TriageRoute.Clinical)),
            ["human_recall"] = Percent(report.Messages.Recall(TriageRoute.Human)),
            ["privacy_recall"] = Percent(report.Messages.Recall(TriageRoute.Privacy)),
            ["conversation_turns_beyond_crisis"] = Percent(report.Matrix("turns").AccuracyBeyondCrisis()),
            ["crisis_conversations_caught_at_onset"] = $"{report.CrisisConversationsCaughtAtOnset}/{report.CrisisConversations}",
            ["calm_conversations_called_crisis"] = $"{report.CalmConversationsCalledCrisis}/{report.CalmConversations}",
        };

        File.WriteAllText(Path.Combine(safetyDirectory, TriageModelFile.FileName), JsonSerializer.Serialize(file, TriageModelFile.Json) + "\n");
    }

    private static string Percent(double value) => value.ToString("P1", CultureInfo.InvariantCulture);
}

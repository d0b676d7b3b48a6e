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
/// chooses its thresholds on the validation split with the rules in place (crisis: the most recall with at most
/// <see cref="MaxFalseCrisisRate"/> false crises), and writes <c>triage-model.json</c>. Deterministic: the same
/// examples give the same file.
/// </summary>
public sealed class TriageTrainer(SentenceEmbedder embedder, TextWriter log)
{
    /// <summary>Features: the sentence vector and this many hashed character n-gram buckets.</summary>
    public const int NGramBuckets = 4096;

    /// <summary>The most false crises on validation messages a crisis threshold may cost.</summary>
    public const double MaxFalseCrisisRate = 0.01;

    private const int ContextMessages = 3;
    private const float L2 = 0.02f;

    /// <summary>Trains and writes the model; returns the validation report.</summary>
    /// <param name="safetyDirectory"><c>prompts/safety</c>: the rules, <c>examples/</c>, and where the model is written.</param>
    public TriageReport Train(string safetyDirectory)
    {
        var corpus = TriageCorpus.Read(Path.Combine(safetyDirectory, "examples"));
        var training = corpus.Examples.Where(e => !TriageCorpus.IsValidation(e)).ToList();
        var validation = corpus.Examples.Where(TriageCorpus.IsValidation).ToList();
        log.WriteLine($"examples: {corpus.Examples.Count} ({training.Count} training, {validation.Count} validation), corpus {corpus.Sha256[..12]}");

        var ngrams = new CharNGrams(NGramBuckets, 3, 5);
        var rows = training.Select(e => (Featurize(e, ngrams).ToDense(), TriageRouteNames.Label(e.Route))).ToList();
        var (labels, weights, bias) = MaximumEntropyFit.Fit(rows, L2);
        log.WriteLine($"fitted {labels.Count} routes over {rows[0].Item1.Length} features");

        var file = new TriageModelFile
        {
            EmbeddingModel = SentenceEmbedder.ModelName,
            CorpusSha256 = corpus.Sha256,
            NgramBuckets = NGramBuckets,
            NgramMin = 3,
            NgramMax = 5,
            ContextMessages = ContextMessages,
            Labels = [.. labels],
            Bias = [.. bias],
            Weights = weights.Select(w =>
            {
                var bytes = new byte[w.Length * sizeof(float)];
                Buffer.BlockCopy(w, 0, bytes, 0, bytes.Length);
                return Convert.ToBase64String(bytes);
            }).ToList(),
        };

        var rules = TriageClassifier.Load(safetyDirectory, () => embedder);
        var report = new ThresholdSearch(rules, embedder, validation, log).Choose(file);
        file.Validation = new Dictionary<string, string>
        {
            ["messages"] = report.Messages.Total().ToString(CultureInfo.InvariantCulture),
            ["crisis_recall"] = Percent(report.Messages.Recall(TriageRoute.Crisis)),
            ["false_crisis"] = Percent(report.Messages.FalseCrisisRate()),
            ["clinical_recall"] = Percent(report.Messages.Recall(TriageRoute.Clinical)),
            ["human_recall"] = Percent(report.Messages.Recall(TriageRoute.Human)),
            ["crisis_conversations_caught_at_onset"] = $"{report.CrisisConversationsCaughtAtOnset}/{report.CrisisConversations}",
            ["calm_conversations_called_crisis"] = $"{report.CalmConversationsCalledCrisis}/{report.CalmConversations}",
        };

        File.WriteAllText(Path.Combine(safetyDirectory, TriageModelFile.FileName), JsonSerializer.Serialize(file, TriageModelFile.Json) + "\n");
        return report;
    }

    /// <summary>The features of an example as triage computes them: alone, or read with its previous messages.</summary>
    internal TriageFeatures Featurize(TriageExample example, CharNGrams ngrams)
    {
        var embedding = embedder.Embed(example.Text);
        if (example.Previous.Count == 0) return TriageFeatures.Of(example.Text, embedding, ngrams);

        var earlier = example.Previous.TakeLast(ContextMessages).ToList();
        return TriageFeatures.Window([.. earlier, example.Text], [.. earlier.Select(embedder.Embed), embedding], ngrams);
    }

    private static string Percent(double value) => value.ToString("P1", CultureInfo.InvariantCulture);
}

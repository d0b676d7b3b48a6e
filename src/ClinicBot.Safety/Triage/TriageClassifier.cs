using System.Globalization;
using ClinicBot.Embeddings;
using ClinicBot.Safety.Triage.Model;

namespace ClinicBot.Safety.Triage;

/// <summary>
/// Decides the route of every inbound message before anything is answered: the clinician's rules
/// (<see cref="TriageRules"/>) and the learned model (<c>triage-model.json</c>) side by side. Crisis is recall-first:
/// crisis when a rule OR the model says so, for the message alone (the model's probability blended with the vote of the
/// nearest training messages) or read with the patient's previous messages. For the
/// other routes a rule wins; a message no rule matched takes the model's route when it is confident, else education.
/// Thread-safe. Without a model file it is the rules alone.
/// </summary>
public sealed class TriageClassifier
{
    private readonly TriageModel? _model;
    private readonly SentenceEmbedder? _embedder;
    private readonly SpanishGloss _gloss;

    private TriageClassifier(
        TriageRules rules, TriageModel? model, SentenceEmbedder? embedder, SpanishGloss gloss)
    {
        Rules = rules;
        _model = model;
        _embedder = embedder;
        _gloss = gloss;
    }

    /// <summary>The hand-written rules.</summary>
    public TriageRules Rules { get; }

    /// <summary>Whether a trained model reads messages beside the rules.</summary>
    public bool HasModel => _model is not null;

    /// <summary>The routes tried, first to last; Education follows when none matches.</summary>
    public IReadOnlyList<TriageRoute> Precedence => Rules.Precedence;

    /// <summary>Loads the rules and, when <c>triage-model.json</c> is there, the model with the process's shared embedder.</summary>
    /// <exception cref="InvalidDataException">A rule file or the model file is invalid.</exception>
    public static TriageClassifier Load(string safetyRulesDirectory) => Load(safetyRulesDirectory, () => SentenceEmbedder.Shared);

    /// <summary>Loads the rules and, when <c>triage-model.json</c> is there, the model; the embedder is created only then.</summary>
    public static TriageClassifier Load(string safetyRulesDirectory, Func<SentenceEmbedder> embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var rules = TriageRules.Load(safetyRulesDirectory);
        var model = TriageModel.Load(safetyRulesDirectory);
        if (model is not null && model.File.EmbeddingModel != SentenceEmbedder.ModelName)
        {
            throw new InvalidDataException($"{TriageModelFile.FileName} was trained on {model.File.EmbeddingModel} vectors, not {SentenceEmbedder.ModelName}; retrain with `clinicbot train triage`.");
        }

        return new TriageClassifier(rules, model, model is null ? null : embedder(), SpanishGloss.Load(safetyRulesDirectory));
    }

    /// <summary>The same rules with another model: how training tries thresholds before it writes the model file.</summary>
    internal TriageClassifier WithModel(TriageModel model, SentenceEmbedder embedder) => new(Rules, model, embedder, _gloss);

    /// <summary>
    /// What the embedding model reads of a message (a Spanish one in rough English, sentence by sentence); training
    /// embeds the same. Its vector is the whole of <see cref="SentenceEmbedder.EmbedParts"/> over the message's parts.
    /// </summary>
    internal string EmbeddingInput(string text, string locale)
    {
        var parts = MessageParts.Split(text);
        return parts.Count == 1 ? _gloss.EmbeddingInput(text, locale) : string.Join(' ', _gloss.EmbeddingInputs(parts, locale));
    }

    /// <summary>Routes one message on its own.</summary>
    /// <param name="text">The patient's message as typed.</param>
    /// <param name="locale">"en" or "es". Only a hint: Spanish often arrives tagged "en", so rules of both languages always run.</param>
    public TriageResult Classify(string text, string locale) => Classify(text, locale, []);

    /// <summary>Routes one message read with the same patient's previous messages.</summary>
    /// <param name="text">The patient's message as typed.</param>
    /// <param name="locale">"en" or "es" (a hint).</param>
    /// <param name="previous">The patient's earlier messages in this conversation, oldest first; only the last few are read.</param>
    public TriageResult Classify(string text, string locale, IReadOnlyList<string> previous)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(previous);
        if (_model is null || _embedder is null || string.IsNullOrWhiteSpace(text)) return Rules.Classify(text, locale);
        try
        {
            return Decide(Read(_model, text, locale, previous), _model.File);
        }
#pragma warning disable CA1031 // Whatever breaks in the model (ONNX Runtime, a damaged cache file), the rules must still route the message.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var ruled = Rules.Classify(text, locale);
            return ruled with { Reasons = [.. ruled.Reasons, "model.unavailable"] };
        }
    }

    /// <summary>What the rules and the model read of a message, before any threshold.</summary>
    internal TriageSignals Read(TriageModel model, string text, string locale, IReadOnlyList<string> previous)
    {
        var ruled = Rules.Classify(text, locale);
        var file = model.File;
        var (features, parts) = FeaturizeParts(file, text, locale, model.NGrams, _embedder!);
        var earlier = previous.Where(p => !string.IsNullOrWhiteSpace(p)).TakeLast(file.ContextMessages).ToList();
        var context = earlier.Count == 0 ? null : model.Predict(Featurize(file, text, locale, earlier, model.NGrams, _embedder!));
        var votes = model.Memory?.Votes([features.Embedding, .. parts.Select(p => p.Embedding)]);
        return new TriageSignals(ruled, model.Predict(features), context, features.Embedding, votes?[0])
        {
            Parts = parts.Select((p, i) => new PartSignals(model.Predict(p), votes?[i + 1])).ToList(),
            RuledBeyondCrisis = Rules.MayBeOverruled(ruled) ? Rules.ClassifyBeyondCrisis(text) : null,
        };
    }

    /// <summary>
    /// The route from what was read, with a model file's thresholds: crisis when a rule, the message alone (surer where
    /// a crisis exclusion matched) or the message read with the previous ones says so; otherwise a rule's route (a
    /// clinical rule yields to a model very sure of a general question), else the model's when confident (for a message
    /// that follows others, leaning on them as the file says), else education. A crisis rule whose words also describe the past or the topic yields to a model all but sure there
    /// is no crisis: the message takes the route it has without it, and keeps the rule's id among the reasons.
    /// </summary>
    internal TriageResult Decide(TriageSignals signals, TriageModelFile thresholds)
    {
        if (signals.RuledBeyondCrisis is { } beyond && signals.HighestCrisisScore(thresholds) < thresholds.CrisisRuleYieldThreshold)
        {
            var decided = Decide(signals with { Ruled = beyond, RuledBeyondCrisis = null }, thresholds);
            return decided with { Reasons = [.. signals.Ruled.Reasons, "model.overrules.crisis", .. decided.Reasons] };
        }

        var (ruled, alone, context, embedding, _) = signals;
        var crisisScore = signals.CrisisScore(thresholds);
        // Where the clinician's exclusions blanked out an idiom, a negation or past history ("I'm not suicidal, just...",
        // "my mom will kill me if I miss it"), the model must be surer before it overrules them.
        var crisisThreshold = ruled.CrisisWordingExcluded ? thresholds.ExcludedCrisisThreshold : thresholds.CrisisThreshold;
        var crisisReasons = new List<string>();
        if (crisisScore >= crisisThreshold) crisisReasons.Add(Score("model.crisis", crisisScore));
        // The model very sure on its own, where the memory's neighbours (hard negatives that look alike) pulled the score down.
        if (alone[TriageRoute.Crisis] >= Math.Max(thresholds.ModelCrisisThreshold, crisisThreshold)) crisisReasons.Add(Score("model.alone.crisis", alone[TriageRoute.Crisis]));
        var partScore = signals.PartCrisisScore(thresholds);
        if (partScore >= Math.Max(thresholds.PartCrisisThreshold, ruled.CrisisWordingExcluded ? thresholds.ExcludedCrisisThreshold : 0)) crisisReasons.Add(Score("model.sentence.crisis", partScore));
        if (context is not null && context[TriageRoute.Crisis] >= thresholds.ContextCrisisThreshold) crisisReasons.Add(Score("model.context.crisis", context[TriageRoute.Crisis]));
        if (ruled.Route == TriageRoute.Crisis || crisisReasons.Count > 0)
        {
            if (crisisReasons.Count == 0) crisisReasons.Add(Score("model.crisis", crisisScore));
            var reasons = ruled.Route == TriageRoute.Crisis ? [.. ruled.Reasons, .. crisisReasons] : crisisReasons;
            return new TriageResult(TriageRoute.Crisis, reasons, "crisis") { Scores = alone, ContextScores = context, Embedding = embedding };
        }

        var scores = signals.RouteScores(thresholds);
        // A clinical rule yields only to what the message itself says; what came before may route what no rule did.
        var (route, probability) = signals.RouteScoresInContext(thresholds).Top(TriageRoute.Crisis);
        var leaned = context is not null && thresholds.ContextRouteWeight > 0;
        var modelReason = Score((leaned ? "model.context." : "model.") + TriageRouteNames.Label(route), probability);
        // A clinical rule read a general question as personal ("does ketamine interact with opioid receptors?", "my son
        // studies chemistry: what is NMDA?"): the model, when it is sure enough, answers it as the question it is.
        if (ruled.Route == TriageRoute.Clinical && scores[TriageRoute.Education] >= thresholds.EducationOverClinicalThreshold)
        {
            return TriageResult.Education with
            {
                Reasons = [.. ruled.Reasons, Score("model.education", scores[TriageRoute.Education]), "model.overrules.clinical"],
                Scores = alone, ContextScores = context, Embedding = embedding,
            };
        }

        if (ruled.Route != TriageRoute.Education)
        {
            return ruled with { Reasons = [.. ruled.Reasons, modelReason], Scores = alone, ContextScores = context, Embedding = embedding };
        }

        return route != TriageRoute.Education && probability >= thresholds.RouteThreshold && Rules.ModelResponses.TryGetValue(route, out var key)
            ? new TriageResult(route, [modelReason], key) { Scores = alone, ContextScores = context, Embedding = embedding }
            : TriageResult.Education with { Reasons = [modelReason], Scores = alone, ContextScores = context, Embedding = embedding };
    }

    /// <summary>
    /// What the model reads of a message, alone or with the patient's earlier messages (oldest first): the sentence
    /// vector of <see cref="EmbeddingInput"/> and the n-grams of the text as written or as the rules normalise it (the
    /// model file says which). Training reads its examples through this same method.
    /// </summary>
    internal TriageFeatures Featurize(
        TriageModelFile settings, string text, string locale, IReadOnlyList<string> earlier, CharNGrams ngrams, SentenceEmbedder embedder)
    {
        var input = EmbeddingInput(text, locale);
        var (embedding, peak) = (embedder.Embed(input), Peak(settings, embedder, input));
        if (earlier.Count == 0) return TriageFeatures.Of(NGramInput(settings, text), embedding, peak, ngrams);

        var inputs = earlier.Select(p => EmbeddingInput(p, locale)).ToList();
        var vectors = inputs.Select(embedder.Embed).Append(embedding).ToList();
        var peaks = settings.PeakPooling ? inputs.Select(embedder.EmbedPeak).Append(peak).ToList() : [];
        return TriageFeatures.Window([.. earlier.Select(p => NGramInput(settings, p)), NGramInput(settings, text)], vectors, peaks, ngrams);
    }

    /// <summary>
    /// The message alone (as <see cref="Featurize"/> reads it) and, when it has several sentences
    /// (<see cref="MessageParts"/>), each sentence: its vectors pooled from the same pass of the transformer and its own n-grams.
    /// </summary>
    internal (TriageFeatures Whole, IReadOnlyList<TriageFeatures> Parts) FeaturizeParts(
        TriageModelFile settings, string text, string locale, CharNGrams ngrams, SentenceEmbedder embedder)
    {
        var parts = MessageParts.Split(text);
        if (parts.Count == 1) return (Featurize(settings, text, locale, [], ngrams, embedder), []);

        var embedded = embedder.EmbedParts(_gloss.EmbeddingInputs(parts, locale));
        var whole = TriageFeatures.Of(NGramInput(settings, text), embedded.Whole, settings.PeakPooling ? embedded.WholePeak : [], ngrams);
        return (whole, parts.Select((part, i) => (part, i))
            .Where(p => embedded.Parts[p.i] is not null)
            .Select(p => TriageFeatures.Of(NGramInput(settings, p.part), embedded.Parts[p.i]!, settings.PeakPooling ? embedded.PartPeaks[p.i]! : [], ngrams))
            .ToList());
    }

    private static float[] Peak(TriageModelFile settings, SentenceEmbedder embedder, string input) =>
        settings.PeakPooling ? embedder.EmbedPeak(input) : [];

    private string NGramInput(TriageModelFile settings, string message) =>
        settings.NgramInput == TriageModelFile.NormalizedText ? Rules.Normalize(message) : message;

    private static string Score(string name, double probability) => name + ":" + probability.ToString("0.00", CultureInfo.InvariantCulture);
}

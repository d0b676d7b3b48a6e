using System.Globalization;
using ClinicBot.Embeddings;
using ClinicBot.Safety.Rules;
using ClinicBot.Safety.Triage.Model;

namespace ClinicBot.Safety.Triage;

/// <summary>
/// Decides the route of every inbound message before anything is answered: the clinician's rules
/// (<see cref="TriageRules"/>) and the learned model (<c>triage-model.json</c>) side by side. Crisis is recall-first:
/// crisis when a rule OR the model says so, for the message alone or read with the patient's previous messages. For the
/// other routes a rule wins; a message no rule matched takes the model's route when it is confident, else education.
/// Thread-safe. Without a model file it is the rules alone.
/// </summary>
public sealed class TriageClassifier
{
    private readonly TriageModel? _model;
    private readonly SentenceEmbedder? _embedder;
    private readonly IReadOnlyDictionary<TriageRoute, string> _modelResponses;
    private readonly SpanishGloss _gloss;

    private TriageClassifier(
        TriageRules rules, TriageModel? model, SentenceEmbedder? embedder, IReadOnlyDictionary<TriageRoute, string> modelResponses, SpanishGloss gloss)
    {
        Rules = rules;
        _model = model;
        _embedder = embedder;
        _modelResponses = modelResponses;
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

        return new TriageClassifier(rules, model, model is null ? null : embedder(), ReadModelResponses(safetyRulesDirectory), SpanishGloss.Load(safetyRulesDirectory));
    }

    /// <summary>The same rules with another model: how training tries thresholds before it writes the model file.</summary>
    internal TriageClassifier WithModel(TriageModel model, SentenceEmbedder embedder) => new(Rules, model, embedder, _modelResponses, _gloss);

    /// <summary>What the embedding model reads of a message (a Spanish one in rough English); training embeds the same.</summary>
    internal string EmbeddingInput(string text, string locale) => _gloss.EmbeddingInput(text, locale);

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
        var ruled = Rules.Classify(text, locale);
        if (_model is null || _embedder is null || string.IsNullOrWhiteSpace(text)) return ruled;

        var embedding = _embedder.Embed(EmbeddingInput(text, locale));
        var alone = _model.Predict(TriageFeatures.Of(text, embedding, _model.NGrams));
        var context = ReadWithContext(text, locale, embedding, previous);
        var file = _model.File;

        var crisisReasons = new List<string>();
        if (alone[TriageRoute.Crisis] >= file.CrisisThreshold) crisisReasons.Add(Score("model.crisis", alone[TriageRoute.Crisis]));
        if (context is not null && context[TriageRoute.Crisis] >= file.ContextCrisisThreshold) crisisReasons.Add(Score("model.context.crisis", context[TriageRoute.Crisis]));
        if (ruled.Route == TriageRoute.Crisis || crisisReasons.Count > 0)
        {
            var reasons = ruled.Route == TriageRoute.Crisis ? [.. ruled.Reasons, .. crisisReasons] : crisisReasons;
            if (reasons.Count == ruled.Reasons.Count) reasons.Add(Score("model.crisis", alone[TriageRoute.Crisis]));
            return new TriageResult(TriageRoute.Crisis, reasons, "crisis") { Scores = alone, ContextScores = context, Embedding = embedding };
        }

        var (route, probability) = alone.Top(TriageRoute.Crisis);
        var modelReason = Score("model." + TriageRouteNames.Label(route), probability);
        if (ruled.Route != TriageRoute.Education)
        {
            return ruled with { Reasons = [.. ruled.Reasons, modelReason], Scores = alone, ContextScores = context, Embedding = embedding };
        }

        return route != TriageRoute.Education && probability >= file.RouteThreshold && _modelResponses.TryGetValue(route, out var key)
            ? new TriageResult(route, [modelReason], key) { Scores = alone, ContextScores = context, Embedding = embedding }
            : TriageResult.Education with { Reasons = [modelReason], Scores = alone, ContextScores = context, Embedding = embedding };
    }

    private RouteScores? ReadWithContext(string text, string locale, float[] embedding, IReadOnlyList<string> previous)
    {
        var earlier = previous.Where(p => !string.IsNullOrWhiteSpace(p)).TakeLast(_model!.File.ContextMessages).ToList();
        if (earlier.Count == 0) return null;

        var vectors = earlier.Select(p => _embedder!.Embed(EmbeddingInput(p, locale))).Append(embedding).ToList();
        return _model.Predict(TriageFeatures.Window([.. earlier, text], vectors, _model.NGrams));
    }

    private static string Score(string name, double probability) => name + ":" + probability.ToString("0.00", CultureInfo.InvariantCulture);

    private static Dictionary<TriageRoute, string> ReadModelResponses(string directory)
    {
        var responses = new Dictionary<TriageRoute, string>();
        var file = SafetyRuleDirectory.Read(directory).Files.SingleOrDefault(f => f.Model.ModelResponses is not null);
        foreach (var (name, key) in file.Model?.ModelResponses ?? [])
        {
            var route = TriageRouteNames.Parse(file.File, name);
            if (route == TriageRoute.Crisis) throw new InvalidDataException($"{file.File}: 'model_responses' cannot set crisis; crisis always replies with the crisis template.");
            responses[route] = key;
        }

        return responses;
    }
}

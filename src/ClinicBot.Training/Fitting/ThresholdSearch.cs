using System.Globalization;
using ClinicBot.Embeddings;
using ClinicBot.Safety.Triage;
using ClinicBot.Safety.Triage.Model;
using ClinicBot.Training.Corpus;
using ClinicBot.Training.Evaluation;

namespace ClinicBot.Training.Fitting;

/// <summary>
/// Chooses the model's thresholds on the validation split, with the rules in place, one after the other:
/// the crisis threshold for a message alone (most crisis recall while adding at most TriageTrainer.MaxFalseCrisisRate false crises to the rules',
/// then the highest), the crisis threshold for a message read with its previous ones (most crisis conversations caught
/// at onset while calling at most 2 % more calm conversations crisis), then the confidence the model needs to route a message no rule
/// matched (best accuracy on the other routes).
/// </summary>
internal sealed class ThresholdSearch(TriageClassifier rules, SentenceEmbedder embedder, IReadOnlyList<TriageExample> validation, TextWriter log)
{
    private static readonly double[] Candidates = Enumerable.Range(1, 39).Select(i => i * 0.025).ToArray();

    public TriageReport Choose(TriageModelFile file)
    {
        var messages = validation.Where(e => e.ConversationId is null).ToList();
        var conversations = validation.Where(e => e.ConversationId is not null).ToList();

        // The rules alone already raise some false crises; the model may add at most MaxFalseCrisisRate to them.
        file.ContextCrisisThreshold = 1.01;
        file.RouteThreshold = 1.01;
        file.CrisisThreshold = 1.01;
        var rulesFalseCrisis = Evaluate(file, messages).Messages.FalseCrisisRate();
        var calm = Evaluate(file, conversations);
        var rulesCalmCalled = (double)calm.CalmConversationsCalledCrisis / Math.Max(1, calm.CalmConversations);
        var curve = new List<string>();
        file.CrisisThreshold = Best(file, messages, (f, t) => f.CrisisThreshold = t, r =>
        {
            curve.Add(string.Create(CultureInfo.InvariantCulture, $"{r.Messages.Recall(TriageRoute.Crisis):P0}/{r.Messages.FalseCrisisRate():P1}"));
            return r.Messages.FalseCrisisRate() <= rulesFalseCrisis + TriageTrainer.MaxFalseCrisisRate ? r.Messages.Recall(TriageRoute.Crisis) : double.NegativeInfinity;
        });
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"crisis recall/false crisis by threshold 0.025..0.975 (rules alone: false crisis {rulesFalseCrisis:P1}): {string.Join(" ", curve)}"));

        file.ContextCrisisThreshold = Best(file, conversations, (f, t) => f.ContextCrisisThreshold = t, r =>
            (double)r.CalmConversationsCalledCrisis / Math.Max(1, r.CalmConversations) <= rulesCalmCalled + 0.02
                ? (double)r.CrisisConversationsCaughtAtOnset / Math.Max(1, r.CrisisConversations)
                : double.NegativeInfinity);

        file.RouteThreshold = Best(file, messages, (f, t) => f.RouteThreshold = t, r =>
        {
            var m = r.Messages;
            var routes = Enum.GetValues<TriageRoute>().Where(x => x != TriageRoute.Crisis).ToList();
            return (double)routes.Sum(x => m.Count(x, x)) / Math.Max(1, routes.Sum(m.Total));
        });

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"thresholds (validation): crisis {file.CrisisThreshold:0.000}, crisis in context {file.ContextCrisisThreshold:0.000}, other routes {file.RouteThreshold:0.000}"));
        return Evaluate(file, validation);
    }

    // The candidate with the best score; among equals the highest threshold (fewest model verdicts).
    private double Best(TriageModelFile file, IReadOnlyList<TriageExample> examples, Action<TriageModelFile, double> set, Func<TriageReport, double> score)
    {
        var best = (Threshold: Candidates[^1], Score: double.NegativeInfinity);
        foreach (var threshold in Candidates)
        {
            set(file, threshold);
            var value = score(Evaluate(file, examples));
            if (value >= best.Score) best = (threshold, value);
        }

        set(file, best.Threshold);
        return best.Threshold;
    }

    private TriageReport Evaluate(TriageModelFile file, IReadOnlyList<TriageExample> examples)
    {
        var classifier = rules.WithModel(new TriageModel(file), embedder);
        return TriageReport.Run(examples, e => classifier.Classify(e.Text, e.Locale, e.Previous).Route);
    }
}

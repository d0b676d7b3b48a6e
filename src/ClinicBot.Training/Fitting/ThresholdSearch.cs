using System.Globalization;
using ClinicBot.Embeddings;
using ClinicBot.Safety.Triage;
using ClinicBot.Safety.Triage.Model;
using ClinicBot.Training.Corpus;
using ClinicBot.Training.Evaluation;

namespace ClinicBot.Training.Fitting;

/// <summary>
/// Chooses the model's thresholds on the validation split, with the rules in place. Each example is read once (rules
/// and model); only the decision is replayed per candidate. In turn: the crisis threshold for a message alone (most
/// crisis recall while adding at most <see cref="TriageTrainer.MaxFalseCrisisRate"/> false crises to the rules', then
/// the highest), with it the threshold for a sentence read on its own and the one for the model's own probability
/// (same rule, each pair together), the same where a crisis exclusion of the rules matched (never below the first; most recall less false
/// crises), the crisis threshold for a message read with its previous
/// ones (most crisis conversations caught at onset while calling at most 2 % more calm conversations crisis), then the
/// confidence the model needs to route a message no rule matched (best accuracy on the other routes), how much a message
/// that follows others leans on them for those routes (best accuracy of conversation turns, no clinical turn lost), how sure of a
/// general question the model must be to overrule a clinical rule (most education recall, no clinical message lost),
/// and how little crisis the model must see to set aside a crisis rule it may overrule (none of validation's lost).
/// </summary>
internal sealed class ThresholdSearch(TriageClassifier rules, SentenceEmbedder embedder, IReadOnlyList<TriageExample> validation, TextWriter log)
{
    private static readonly double[] Candidates = Enumerable.Range(1, 39).Select(i => i * 0.025).ToArray();

    // How much a message leans on the previous ones for the routes other than crisis; the last (none) wins ties.
    private static readonly double[] ContextRouteWeights = [0.8, 0.6, 0.4, 0.2, 0];

    // A sentence read on its own: 0.4 to 0.975, or never (above 1).
    private static readonly double[] PartCandidates = [.. Candidates.Where(c => c >= 0.4), 1.01];

    public TriageReport Choose(TriageModelFile file)
    {
        var model = new TriageModel(file);
        var reader = rules.WithModel(model, embedder);
        var signals = new Dictionary<TriageExample, TriageSignals>(ReferenceEqualityComparer.Instance);
        foreach (var example in validation) signals[example] = reader.Read(model, example.Text, example.Locale, example.Previous);
        TriageReport Evaluate(IEnumerable<TriageExample> examples) => TriageReport.Run(examples, e => reader.Decide(signals[e], file).Route);

        var messages = validation.Where(e => e.ConversationId is null).ToList();
        var conversations = validation.Where(e => e.ConversationId is not null).ToList();
        (file.CrisisThreshold, file.PartCrisisThreshold, file.ModelCrisisThreshold, file.ExcludedCrisisThreshold, file.ContextCrisisThreshold, file.RouteThreshold) = (1.01, 1.01, 1.01, 1.01, 1.01, 1.01);
        file.ContextRouteWeight = 0;
        var rulesFalseCrisis = Evaluate(messages).Messages.FalseCrisisRate();
        var calm = Evaluate(conversations);
        var rulesCalmCalled = (double)calm.CalmConversationsCalledCrisis / Math.Max(1, calm.CalmConversations);

        var curve = new List<string>();
        file.CrisisThreshold = Best(t => file.CrisisThreshold = t, () =>
        {
            var m = Evaluate(messages).Messages;
            curve.Add(string.Create(CultureInfo.InvariantCulture, $"{m.Recall(TriageRoute.Crisis):P0}/{m.FalseCrisisRate():P1}"));
            return m.FalseCrisisRate() <= rulesFalseCrisis + TriageTrainer.MaxFalseCrisisRate ? m.Recall(TriageRoute.Crisis) : double.NegativeInfinity;
        });
        // Then with the sentences of longer messages also read on their own: both thresholds together, the same rule
        // (the message's own threshold within a step or four of where it was).
        var partsOff = (file.CrisisThreshold, Recall: Evaluate(messages).Messages.Recall(TriageRoute.Crisis));
        (file.CrisisThreshold, file.PartCrisisThreshold) = BestPair(Near(partsOff.CrisisThreshold), PartCandidates, (t, u) => (file.CrisisThreshold, file.PartCrisisThreshold) = (t, u), RecallWithinBudget);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sentences read on their own: crisis recall {partsOff.Recall:P1} at crisis threshold {partsOff.CrisisThreshold:0.000} without, {Evaluate(messages).Messages.Recall(TriageRoute.Crisis):P1} with (crisis {file.CrisisThreshold:0.000}, a sentence {file.PartCrisisThreshold:0.000})"));
        // Then the model's own crisis probability beside the blended score (the memory can pull a sure model down): both
        // thresholds together, the same rule.
        (file.CrisisThreshold, file.ModelCrisisThreshold) = BestPair(Near(file.CrisisThreshold), PartCandidates, (t, u) => (file.CrisisThreshold, file.ModelCrisisThreshold) = (t, u), RecallWithinBudget);
        file.ExcludedCrisisThreshold = file.CrisisThreshold;
        file.ExcludedCrisisThreshold = Math.Max(file.CrisisThreshold, Best(t => file.ExcludedCrisisThreshold = Math.Max(t, file.CrisisThreshold), () =>
        {
            var m = Evaluate(messages).Messages;
            return m.FalseCrisisRate() <= rulesFalseCrisis + TriageTrainer.MaxFalseCrisisRate ? m.Recall(TriageRoute.Crisis) - m.FalseCrisisRate() : double.NegativeInfinity;
        }));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"crisis recall/false crisis by threshold 0.025..0.975 (rules alone: false crisis {rulesFalseCrisis:P1}): {string.Join(" ", curve)}"));
        file.ContextCrisisThreshold = Best(t => file.ContextCrisisThreshold = t, () =>
        {
            var r = Evaluate(conversations);
            return (double)r.CalmConversationsCalledCrisis / Math.Max(1, r.CalmConversations) <= rulesCalmCalled + 0.02
                ? (double)r.CrisisConversationsCaughtAtOnset / Math.Max(1, r.CrisisConversations)
                : double.NegativeInfinity;
        });
        file.RouteThreshold = Best(t => file.RouteThreshold = t, () => Evaluate(messages).Messages.AccuracyBeyondCrisis());

        // How much a message that follows others leans on them for the routes other than crisis: the best accuracy of
        // validation's conversation turns on those routes, no clinical turn lost (among equals the least weight).
        file.ContextRouteWeight = 0;
        var turnsBefore = Evaluate(conversations).Matrix("turns");
        file.ContextRouteWeight = Best(w => file.ContextRouteWeight = w, () =>
        {
            var turns = Evaluate(conversations).Matrix("turns");
            return turns.Recall(TriageRoute.Clinical) >= turnsBefore.Recall(TriageRoute.Clinical) ? turns.AccuracyBeyondCrisis() : double.NegativeInfinity;
        }, ContextRouteWeights);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"messages that follow others, routes other than crisis: {turnsBefore.AccuracyBeyondCrisis():P1} of validation's turns alone, {Evaluate(conversations).Matrix("turns").AccuracyBeyondCrisis():P1} leaning {file.ContextRouteWeight:0.00} on the previous ones"));

        // Where a clinical rule yields to the model: the most general questions answered without losing a clinical one.
        var clinical = Evaluate(messages).Messages.Recall(TriageRoute.Clinical);
        file.EducationOverClinicalThreshold = Best(t => file.EducationOverClinicalThreshold = t, () =>
        {
            var m = Evaluate(messages).Messages;
            return m.Recall(TriageRoute.Clinical) >= clinical ? m.Recall(TriageRoute.Education) : double.NegativeInfinity;
        }, [.. Candidates.Where(c => c >= 0.5), 1.01]);

        // Where a crisis rule whose words also describe the past or the topic yields to the model: below half the lowest
        // crisis score of any validation crisis only such rules caught (so none of them is lost), and never above 0.05.
        var falseBefore = Evaluate(messages).Messages.FalseCrisisRate();
        var yieldable = validation.Where(e => signals[e].RuledBeyondCrisis is not null).ToList();
        var lowestCaught = yieldable.Where(e => e.Route == TriageRoute.Crisis).Select(e => signals[e].HighestCrisisScore(file)).DefaultIfEmpty(0).Min();
        file.CrisisRuleYieldThreshold = Math.Min(0.05, lowestCaught / 2);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"crisis rules the model may overrule: {yieldable.Count(e => e.Route == TriageRoute.Crisis)} crises and {yieldable.Count(e => e.Route != TriageRoute.Crisis)} others matched only such rules; lowest crisis score of those crises {lowestCaught:0.000}; false crisis {falseBefore:P2} -> {Evaluate(messages).Messages.FalseCrisisRate():P2}"));

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"thresholds (validation): crisis {file.CrisisThreshold:0.000}, a sentence {file.PartCrisisThreshold:0.000}, the model alone {file.ModelCrisisThreshold:0.000}, where an exclusion matched {file.ExcludedCrisisThreshold:0.000}, in context {file.ContextCrisisThreshold:0.000}, other routes {file.RouteThreshold:0.000} (leaning {file.ContextRouteWeight:0.00} on previous messages), education over a clinical rule {file.EducationOverClinicalThreshold:0.000}, a crisis rule set aside below {file.CrisisRuleYieldThreshold:0.000}"));
        return Evaluate(validation);

        // The crisis recall of the validation messages, when the false crises stay within the budget.
        double RecallWithinBudget()
        {
            var m = Evaluate(messages).Messages;
            return m.FalseCrisisRate() <= rulesFalseCrisis + TriageTrainer.MaxFalseCrisisRate ? m.Recall(TriageRoute.Crisis) : double.NegativeInfinity;
        }
    }

    // The message's own crisis threshold within four steps of where it was.
    private static double[] Near(double threshold) => Candidates.Where(c => Math.Abs(c - threshold) <= 0.1 + 1e-9).ToArray();

    // The pair with the best score; among equals the highest first, then the highest second.
    private static (double, double) BestPair(double[] firsts, double[] second, Action<double, double> set, Func<double> score)
    {
        var best = (First: firsts[^1], Second: second[^1], Score: double.NegativeInfinity);
        foreach (var first in firsts)
        {
            foreach (var other in second)
            {
                set(first, other);
                var value = score();
                if (value >= best.Score) best = (first, other, value);
            }
        }

        set(best.First, best.Second);
        return (best.First, best.Second);
    }

    // The candidate with the best score; among equals the highest threshold (fewest model verdicts).
    private static double Best(Action<double> set, Func<double> score, double[]? candidates = null)
    {
        candidates ??= Candidates;
        var best = (Threshold: candidates[^1], Score: double.NegativeInfinity);
        foreach (var threshold in candidates)
        {
            set(threshold);
            var value = score();
            if (value >= best.Score) best = (threshold, value);
        }

        set(best.Threshold);
        return best.Threshold;
    }
}

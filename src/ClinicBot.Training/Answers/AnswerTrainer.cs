using System.Globalization;
using ClinicBot.Answering.Confidence;
using ClinicBot.Answering.Extractive;
using ClinicBot.Answering.Model;
using ClinicBot.Answering.Retrieval;
using ClinicBot.Embeddings;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Search;
using ClinicBot.Training.Corpus;
using ClinicBot.Training.Fitting;

namespace ClinicBot.Training.Answers;

/// <summary>
/// Fits the answerer's heads on the training split and chooses the answer threshold on the validation split:
/// the relevance head learns which retrieved sentences are the ones the authors marked as answering each question;
/// the answer head learns, from the signals of the best sentences, which questions the articles answer at all.
/// </summary>
public sealed class AnswerTrainer(ExtractiveComposer composer, KnowledgeBase knowledge, TextWriter log)
{
    private const float L2 = 0.1f;
    private const float PriorL2 = 0.1f;
    private const int Folds = 5;

    // The bot abstains on at least this share of validation questions the articles do not answer; within that,
    // the threshold answers as many answerable ones as it can.
    private const double AbstainTarget = 0.92;

    /// <summary>Fits, chooses the threshold, and returns the model file (not yet written) with its validation report.</summary>
    public (AnswerModelFile File, AnswerReport Validation) Train(IReadOnlyList<AnswerExample> examples, string inputsSha256)
    {
        var training = examples.Where(e => !AnswerCorpus.IsValidation(e)).ToList();
        var validation = examples.Where(AnswerCorpus.IsValidation).ToList();
        log.WriteLine($"answers: {training.Count} training, {validation.Count} validation questions");

        // The question prior and memory are fitted on all training questions; the heads learn how far to trust them from
        // out-of-fold values (each fold read by a prior and memory fitted without it), as new questions will be.
        var vectors = training.Select(e => composer.Read(AnswerReport.Request(e)).Vector
            ?? throw new InvalidDataException("the answer model needs question vectors")).ToList();
        var placeholderRelevance = new LinearHead(RelevanceFeatures.Names, new float[RelevanceFeatures.Names.Count], 0);
        var placeholderAnswer = new LinearHead(AnswerSignals.Names, new float[AnswerSignals.Names.Count], 0);
        var folds = Enumerable.Range(0, Folds).Select(fold =>
        {
            var outOfFold = Enumerable.Range(0, training.Count).Where(i => Fold(training[i]) != fold).ToList();
            return (InFold: Enumerable.Range(0, training.Count).Where(i => Fold(training[i]) == fold).ToList(),
                Prior: FitPrior(outOfFold, training, vectors), Memory: Memory(outOfFold, training, vectors));
        }).ToList();

        var relevanceRows = new List<(float[] Features, bool Label)>();
        var unmatched = 0;
        foreach (var (inFold, foldPrior, foldMemory) in folds)
        {
            var reader = composer.WithModel(new AnswerModel(placeholderRelevance, placeholderAnswer, 0) { Prior = foldPrior, Memory = foldMemory });
            foreach (var example in inFold.Select(i => training[i]).Where(e => e.Answerable))
            {
                var gold = example.Sentences.ToHashSet(StringComparer.Ordinal);
                var candidates = reader.Candidates(AnswerReport.Request(example), out _);
                if (!candidates.Any(c => gold.Contains(c.Candidate.Sentence.Text))) unmatched++;
                relevanceRows.AddRange(candidates.Select(c => (c.Features, gold.Contains(c.Candidate.Sentence.Text))));
            }
        }

        log.WriteLine($"answers: relevance rows {relevanceRows.Count} ({relevanceRows.Count(r => r.Label)} relevant); {unmatched} questions with no marked sentence among the candidates");
        var relevance = LogisticFit.Fit(RelevanceFeatures.Names, relevanceRows, L2);

        var answerRows = new List<(float[] Features, bool Label)>();
        foreach (var (inFold, foldPrior, foldMemory) in folds)
        {
            var reader = composer.WithModel(new AnswerModel(relevance, placeholderAnswer, 0) { Prior = foldPrior, Memory = foldMemory });
            answerRows.AddRange(inFold.Select(i => (reader.Signals(AnswerReport.Request(training[i])), training[i].Answerable)));
        }

        var all = Enumerable.Range(0, training.Count).ToList();
        var prior = FitPrior(all, training, vectors);
        var memory = Memory(all, training, vectors);
        var answer = LogisticFit.Fit(AnswerSignals.Names, answerRows, L2);

        // Every validation question answered with threshold 0, its probability kept: the threshold is then a sweep.
        var open = composer.WithModel(new AnswerModel(relevance, answer, 0) { Prior = prior, Memory = memory });
        var scored = validation.Select(e =>
        {
            var reply = open.Compose(AnswerReport.Request(e));
            return (Example: e, Reply: reply, Probability: reply.Coverage);
        }).ToList();
        var threshold = ChooseThreshold(scored.Select(s => (s.Example.Answerable, s.Reply.Answered, s.Probability)).ToList());
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"answers: threshold {threshold:0.000}"));

        var model = new AnswerModel(relevance, answer, threshold) { Prior = prior, Memory = memory };
        var report = AnswerReport.Run(composer.WithModel(model), knowledge, validation);
        var file = new AnswerModelFile
        {
            EmbeddingModel = SentenceEmbedder.ModelName,
            InputsSha256 = inputsSha256,
            Relevance = Head(relevance),
            Answer = Head(answer),
            AnswerThreshold = Math.Round(threshold, 4),
            Dimensions = vectors[0].Length,
            PriorWeights = FloatCodec.Encode(prior.Weights),
            PriorBias = prior.Bias,
            MemoryVectors = memory.EncodeVectors(),
            MemoryLabels = memory.EncodeLabels(),
            MemoryAnswers = memory.EncodeAnswers(),
            Validation = new Dictionary<string, string>
            {
                ["answered"] = report.AnswerRate.ToString("P1", CultureInfo.InvariantCulture),
                ["cited_right"] = report.CitedRate.ToString("P1", CultureInfo.InvariantCulture),
                ["all_key_facts"] = report.KeyFactsRate.ToString("P1", CultureInfo.InvariantCulture),
                ["abstained"] = report.AbstainRate.ToString("P1", CultureInfo.InvariantCulture),
            },
        };
        return (file, report);
    }

    // Highest threshold-free answer rate with abstention at the target; without one that reaches it, the best balance.
    private static double ChooseThreshold(IReadOnlyList<(bool Answerable, bool AnsweredAtZero, double Probability)> scored)
    {
        var answerable = Math.Max(1, scored.Count(s => s.Answerable));
        var unanswerable = Math.Max(1, scored.Count(s => !s.Answerable));
        var best = (Threshold: 0.5, MeetsTarget: false, Answered: -1.0, Balance: -1.0);
        foreach (var threshold in scored.Select(s => s.Probability).Append(0).Distinct().Order())
        {
            var answered = scored.Count(s => s.Answerable && s.AnsweredAtZero && s.Probability >= threshold) / (double)answerable;
            var abstained = scored.Count(s => !s.Answerable && !(s.AnsweredAtZero && s.Probability >= threshold)) / (double)unanswerable;
            var meets = abstained >= AbstainTarget;
            var candidate = (threshold, meets, answered, answered + abstained);
            if ((meets && (!best.MeetsTarget || answered > best.Answered)) || (!meets && !best.MeetsTarget && candidate.Item4 > best.Balance))
            {
                best = candidate;
            }
        }

        return best.Threshold;
    }

    private static LinearHead FitPrior(List<int> rows, List<AnswerExample> examples, List<float[]> vectors)
    {
        var head = LogisticFit.Fit(Enumerable.Range(0, vectors[0].Length).Select(i => $"embedding[{i}]").ToList(), rows.Select(i => (vectors[i], examples[i].Answerable)).ToList(), PriorL2);
        return AnswerModelFile.PriorHead(head.Weights.ToArray(), head.Bias);
    }

    private QuestionMemory Memory(List<int> rows, List<AnswerExample> examples, List<float[]> vectors) =>
        new(rows.Select(i => new RememberedQuestion(vectors[i], examples[i].Answerable, AnswerKeys(examples[i]))).ToList());

    // The keys of the article sentences an example marks as answering it (a sentence repeated word for word in two
    // places counts in both).
    private List<string> AnswerKeys(AnswerExample example)
    {
        var gold = example.Sentences.ToHashSet(StringComparer.Ordinal);
        return knowledge.Sentences.Where(s => gold.Contains(s.Text)).Select(IPassageIndex.SentenceKey).ToList();
    }

    // Folds for out-of-fold signals: a stable hash other than the validation split's.
    private static int Fold(AnswerExample example) => (int)(StableHash.Of("fold:" + example.Text) % Folds);

    private static AnswerModelFile.HeadFile Head(LinearHead head) => new()
    {
        Features = head.Features.ToList(),
        Weights = head.Weights.Select(w => MathF.Round(w, 5)).ToList(),
        Bias = MathF.Round(head.Bias, 5),
    };
}

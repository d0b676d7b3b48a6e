using ClinicBot.Embeddings;
using ClinicBot.Safety.Triage;
using ClinicBot.Training.Corpus;
using ClinicBot.Training.Evaluation;
using ClinicBot.Training.Fitting;

namespace ClinicBot.Cli.Train;

/// <summary>
/// <c>train triage</c>: refits the triage model on <c>prompts/safety/examples</c>, chooses its thresholds on the
/// validation split, writes <c>prompts/safety/triage-model.json</c>, then prints the figures on the blind split
/// (<c>tests/data/triage/blind</c>, when present), which nothing is tuned on.
/// </summary>
internal static class TrainTriageCommand
{
    public const string Usage = "usage: clinicbot train triage [--safety prompts/safety] [--blind tests/data/triage/blind]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var safety = Path.Combine("prompts", "safety");
        var blind = Path.Combine("tests", "data", "triage", "blind");
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || args[i] is not ("--safety" or "--blind"))
            {
                error.WriteLine($"clinicbot: unknown option '{args[i]}'\n{Usage}");
                return 2;
            }

            if (args[i] == "--safety") safety = args[i + 1];
            else blind = args[i + 1];
        }

        if (!Directory.Exists(Path.Combine(safety, "examples")))
        {
            error.WriteLine($"clinicbot: no examples folder in {safety}\n{Usage}");
            return 2;
        }

        var embedder = new SentenceEmbedder(new EmbeddingOptions { CacheEntries = 100_000 });
        try
        {
            var validation = new TriageTrainer(embedder, output).Train(safety);
            output.Write(validation.Format("validation split"));
            // The clinician's own examples that the model still gets wrong: what to look at (or add to) next.
            foreach (var missed in validation.MissedCrises) output.WriteLine($"validation: missed crisis  {missed.Source}  {missed.Text}");
            foreach (var wrong in validation.FalseCrises) output.WriteLine($"validation: false crisis  {wrong.Source}  {wrong.Text}");
            if (Directory.Exists(blind))
            {
                var classifier = TriageClassifier.Load(safety, () => embedder);
                var examples = TriageCorpus.Read(blind).Examples;
                output.Write(TriageReport.Run(examples, e => classifier.Classify(e.Text, e.Locale, e.Previous).Route).Format("blind split"));
            }

            output.WriteLine($"wrote {Path.Combine(safety, "triage-model.json")}");
            return 0;
        }
        catch (InvalidDataException e)
        {
            error.WriteLine($"clinicbot: {e.Message}");
            return 1;
        }
    }
}

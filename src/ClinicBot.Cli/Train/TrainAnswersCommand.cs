using ClinicBot.Answering.Extractive;
using ClinicBot.Answering.Model;
using ClinicBot.Knowledge;
using ClinicBot.Training.Answers;

namespace ClinicBot.Cli.Train;

/// <summary>
/// <c>clinicbot train answers</c>: fits the answerer's heads on <c>prompts/answering/examples</c>, writes
/// <c>prompts/answering/answer-model.json</c> and prints the validation and blind figures.
/// </summary>
internal static class TrainAnswersCommand
{
    public const string Usage = "usage: clinicbot train answers [--blind tests/data/answers/blind]";

    public static int Run(IReadOnlyList<string> args, ExtractiveComposer composer, KnowledgeBase knowledge, TextWriter output, TextWriter error)
    {
        var blind = Path.Combine("tests", "data", "answers", "blind");
        if (args.Count == 2 && args[0] == "--blind") blind = args[1];
        else if (args.Count != 0)
        {
            error.WriteLine($"clinicbot: unknown option '{args[0]}'\n{Usage}");
            return 2;
        }

        var prompts = "prompts";
        var answering = Path.Combine(prompts, "answering");
        if (!Directory.Exists(Path.Combine(answering, "examples")))
        {
            error.WriteLine($"clinicbot: no examples folder in {answering} (run from the repository root)\n{Usage}");
            return 2;
        }

        if (knowledge.Vectors.IsEmpty)
        {
            error.WriteLine("clinicbot: the knowledge base was loaded without sentence vectors; the answer model needs them.");
            return 1;
        }

        try
        {
            var examples = AnswerCorpus.Read(Path.Combine(answering, "examples"));
            var hash = AnswerCorpus.TrainingInputsHash(prompts, "knowledge");
            var (file, validation) = new AnswerTrainer(composer, knowledge, output).Train(examples, hash);
            var path = Path.Combine(answering, AnswerModelFile.FileName);
            file.Write(path);
            output.Write(validation.Format("validation split"));
            foreach (var wrong in validation.Outcomes.Where(o => !o.IsRight))
            {
                output.WriteLine($"validation: {(wrong.Example.Answerable ? "missed" : "answered")}  {wrong.Reason ?? ""}  {wrong.Example.Text}");
            }

            if (Directory.Exists(blind))
            {
                var trained = composer.WithModel(file.ToModel());
                output.Write(AnswerReport.Run(trained, knowledge, AnswerCorpus.Read(blind)).Format("blind split"));
            }

            output.WriteLine($"wrote {path}");
            return 0;
        }
        catch (InvalidDataException e)
        {
            error.WriteLine($"clinicbot: {e.Message}");
            return 1;
        }
    }
}

using System.Text.Json;
using ClinicBot.Training.Corpus;

namespace ClinicBot.Training.Answers;

/// <summary>
/// The answer corpora: <c>prompts/answering/examples/*.jsonl</c> (training, with a fifth held out for validation by a
/// stable hash of the text) and the blind split under <c>tests/data/answers/blind</c>.
/// </summary>
public static class AnswerCorpus
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Every example of the <c>*.jsonl</c> files of a directory.</summary>
    /// <exception cref="InvalidDataException">A line is not a valid example.</exception>
    public static List<AnswerExample> Read(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*.jsonl").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InvalidDataException($"No *.jsonl question files in {directory}.");
        var examples = new List<AnswerExample>();
        foreach (var file in files)
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                AnswerExample? example;
                try
                {
                    example = JsonSerializer.Deserialize<AnswerExample>(line, Json);
                }
                catch (JsonException e)
                {
                    throw new InvalidDataException($"{Path.GetFileName(file)}:{number}: {e.Message}", e);
                }

                if (example is null || string.IsNullOrWhiteSpace(example.Text)) throw new InvalidDataException($"{Path.GetFileName(file)}:{number}: no text.");
                if (example.Answerable && example.KeyFacts.Count == 0) throw new InvalidDataException($"{Path.GetFileName(file)}:{number}: an answerable question needs key_facts.");
                example.File = Path.GetFileName(file);
                examples.Add(example);
            }
        }

        return examples;
    }

    /// <summary>Held out for choosing the threshold: a fifth, by a stable hash of the text.</summary>
    public static bool IsValidation(AnswerExample example) => StableHash.Of(example.Text) % 5 == 0;

    /// <summary>
    /// SHA-256 of everything the heads are fitted on: the example files, the articles and lexicon, the answering rules
    /// (required evidence, follow-ups, not-quoted) and the Spanish glossary.
    /// </summary>
    public static string TrainingInputsHash(string promptsDirectory, string knowledgeDirectory)
    {
        var answering = Path.Combine(promptsDirectory, "answering");
        var files = Directory.EnumerateFiles(Path.Combine(answering, "examples"), "*.jsonl").Order(StringComparer.Ordinal)
            .Concat(Directory.EnumerateFiles(knowledgeDirectory).Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            .Concat(new[] { "required-evidence.yaml", "follow-ups.yaml", "not-quoted.yaml" }.Select(f => Path.Combine(answering, f)))
            .Append(Path.Combine(promptsDirectory, "safety", "gloss", "es.yaml"))
            .Where(File.Exists)
            .ToList();
        return FileSetHash.Of(files);
    }
}

namespace ClinicBot.Training.Corpus;

/// <summary>
/// Every example file of a folder (<c>prompts/safety/examples</c> for training and validation,
/// <c>tests/data/triage/blind</c> for the blind split), in file order, with the hash the trained model records.
/// </summary>
public sealed class TriageCorpus
{
    private TriageCorpus(IReadOnlyList<TriageExample> examples, string sha256)
    {
        Examples = examples;
        Sha256 = sha256;
    }

    public IReadOnlyList<TriageExample> Examples { get; }

    /// <summary>SHA-256 over the files' names and bytes, in name order.</summary>
    public string Sha256 { get; }

    /// <summary>Reads every <c>*.jsonl</c> of a folder; a malformed line throws, naming its file and line.</summary>
    public static TriageCorpus Read(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*.jsonl").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InvalidDataException($"No *.jsonl example files in {directory}.");
        return new TriageCorpus(files.SelectMany(TriageCorpusFile.Read).ToList(), FileSetHash.Of(files));
    }

    /// <summary>
    /// The hash a trained model records: the example files of <c>examples/</c>, the Spanish glossary the embedding reads
    /// through and the normalisation the n-grams may read through, so a change to any makes the model stale.
    /// </summary>
    public static string TrainingInputsHash(string safetyDirectory)
    {
        var files = Directory.EnumerateFiles(Path.Combine(safetyDirectory, "examples"), "*.jsonl").Order(StringComparer.Ordinal).ToList();
        foreach (var reading in new[] { Path.Combine("gloss", "es.yaml"), "normalization.yaml" })
        {
            if (File.Exists(Path.Combine(safetyDirectory, reading))) files.Add(Path.Combine(safetyDirectory, reading));
        }
        return FileSetHash.Of(files);
    }

    /// <summary>
    /// The validation split: a fifth of the messages and of the conversations, by a stable hash of the text (or the
    /// conversation id), so adding examples never moves an old one from one split to the other.
    /// </summary>
    public static bool IsValidation(TriageExample example) => StableHash.Of(example.ConversationId ?? example.Text) % 5 == 0;
}

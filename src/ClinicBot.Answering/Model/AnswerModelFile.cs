using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicBot.Embeddings;

namespace ClinicBot.Answering.Model;

/// <summary>
/// <c>prompts/answering/answer-model.json</c>: the answerer's heads, the hash of what they were fitted on (examples,
/// articles, lexicon, required-evidence rules, Spanish glossary) and the validation figures. Written only by
/// <c>clinicbot train answers</c>; a test fails when it is stale.
/// </summary>
public sealed class AnswerModelFile
{
    /// <summary>The file's name under <c>prompts/answering</c>.</summary>
    public const string FileName = "answer-model.json";

    /// <summary>Snake-case, indented: the file is read by people too.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Format version.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The sentence embedding model whose similarities the heads read.</summary>
    public string EmbeddingModel { get; set; } = "";

    /// <summary>SHA-256 of everything the heads were fitted on.</summary>
    public string InputsSha256 { get; set; } = "";

    /// <summary>The sentence relevance head.</summary>
    public HeadFile Relevance { get; set; } = new();

    /// <summary>The answer-or-abstain head.</summary>
    public HeadFile Answer { get; set; } = new();

    /// <summary>The question prior: little-endian float32 weights over the question's vector, Base64.</summary>
    public string? PriorWeights { get; set; }

    /// <summary>The question prior's intercept.</summary>
    public float PriorBias { get; set; }

    /// <summary>Length of the question vectors (prior weights and memory rows).</summary>
    public int Dimensions { get; set; }

    /// <summary>The training questions' vectors as signed bytes, Base64 (<see cref="QuestionMemory"/>).</summary>
    public string? MemoryVectors { get; set; }

    /// <summary>Whether the articles answer each remembered question: one '1' or '0' a question.</summary>
    public string? MemoryLabels { get; set; }

    /// <summary>For each remembered question, the keys of the sentences that answer it, joined by '|'.</summary>
    public List<string>? MemoryAnswers { get; set; }

    /// <summary>The answer probability at which the bot answers.</summary>
    public double AnswerThreshold { get; set; }

    /// <summary>Figures on the validation split when it was trained, for the record.</summary>
    public Dictionary<string, string>? Validation { get; set; }

    /// <summary>The heads as the answerer uses them.</summary>
    public AnswerModel ToModel() => new(Relevance.ToHead(), Answer.ToHead(), AnswerThreshold)
    {
        Prior = PriorWeights is null ? null : PriorHead(FloatCodec.Decode(PriorWeights), PriorBias),
        Memory = MemoryVectors is null || MemoryLabels is null ? null : QuestionMemory.Decode(MemoryVectors, MemoryLabels, MemoryAnswers, Dimensions),
    };

    /// <summary>A prior head over vectors of the weights' length, its features named by position.</summary>
    public static LinearHead PriorHead(float[] weights, float bias) =>
        new(Enumerable.Range(0, weights.Length).Select(i => $"embedding[{i}]").ToList(), weights, bias);

    /// <summary>Reads the file; null when it does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is malformed or was trained on another embedding model.</exception>
    public static AnswerModelFile? Read(string path)
    {
        if (!File.Exists(path)) return null;
        AnswerModelFile? file;
        try
        {
            file = JsonSerializer.Deserialize<AnswerModelFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{FileName}: {e.Message}", e);
        }

        if (file is null) throw new InvalidDataException($"{FileName} is empty.");
        if (file.EmbeddingModel != SentenceEmbedder.ModelName)
        {
            throw new InvalidDataException($"{FileName} was trained on {file.EmbeddingModel} vectors, not {SentenceEmbedder.ModelName}; retrain with `clinicbot train answers`.");
        }

        return file;
    }

    /// <summary>Writes the file.</summary>
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>One head as stored: feature names, weights and bias.</summary>
    public sealed class HeadFile
    {
        /// <summary>The feature names, in weight order.</summary>
        public List<string> Features { get; set; } = [];

        /// <summary>One weight a feature.</summary>
        public List<float> Weights { get; set; } = [];

        /// <summary>The intercept.</summary>
        public float Bias { get; set; }

        /// <summary>The head, checked for one weight a feature.</summary>
        public LinearHead ToHead() => Weights.Count == Features.Count
            ? new LinearHead(Features, Weights, Bias)
            : throw new InvalidDataException($"{FileName}: {Features.Count} features but {Weights.Count} weights.");
    }
}

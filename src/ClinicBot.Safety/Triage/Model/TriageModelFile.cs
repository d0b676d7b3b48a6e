using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClinicBot.Safety.Triage.Model;

/// <summary>
/// <c>prompts/safety/triage-model.json</c>: the trained head, the corpus it was fitted on (by hash), the thresholds chosen
/// on the validation split and the validation figures. Written only by <c>clinicbot train triage</c>.
/// </summary>
internal sealed class TriageModelFile
{
    public const string FileName = "triage-model.json";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public int Version { get; set; } = 1;

    /// <summary>The sentence embedding model whose vectors the head reads.</summary>
    public string EmbeddingModel { get; set; } = "";

    /// <summary>SHA-256 of the example files the head was fitted on and of the Spanish glossary; a test fails when either changes without retraining.</summary>
    public string CorpusSha256 { get; set; } = "";

    /// <summary>The n-grams read the message as written (<c>raw</c>) or as the rules normalise it (<see cref="NormalizedText"/>).</summary>
    public string NgramInput { get; set; } = "raw";

    public const string NormalizedText = "normalized";

    /// <summary>
    /// Whether the head also reads the max-pooled vector of the message's tokens beside the mean-pooled one, so that
    /// one dangerous clause in a long message is not averaged away.
    /// </summary>
    public bool PeakPooling { get; set; }

    public int NgramBuckets { get; set; }

    public int NgramMin { get; set; }

    public int NgramMax { get; set; }

    /// <summary>Crisis when the model's crisis probability of the message alone reaches this (chosen on validation).</summary>
    public double CrisisThreshold { get; set; }

    /// <summary>
    /// Crisis when the model's own crisis probability of the message alone reaches this, whatever the neighbours in the
    /// memory vote (chosen on validation with <see cref="CrisisThreshold"/>); above 1: only the blended score counts.
    /// </summary>
    public double ModelCrisisThreshold { get; set; } = 1.01;

    /// <summary>The same, for a message where a crisis exclusion of the rules matched (an idiom, a negation, past history).</summary>
    public double ExcludedCrisisThreshold { get; set; } = 1.01;

    /// <summary>
    /// Crisis when one sentence of a message of several, read on its own, scores this (chosen on validation with
    /// <see cref="CrisisThreshold"/>); above 1: sentences are not read on their own.
    /// </summary>
    public double PartCrisisThreshold { get; set; } = 1.01;

    /// <summary>Crisis when the crisis probability of the message read with the previous ones reaches this.</summary>
    public double ContextCrisisThreshold { get; set; }

    /// <summary>A route no rule chose is taken from the model when its probability reaches this; otherwise education.</summary>
    public double RouteThreshold { get; set; }

    /// <summary>
    /// A clinical rule yields to the model when the model is at least this sure the message is a general question
    /// (chosen on validation so that no clinical message is lost); above 1: the rule always stands.
    /// </summary>
    public double EducationOverClinicalThreshold { get; set; } = 1.01;

    /// <summary>
    /// A crisis rule the model may overrule (<see cref="TriageRules.CrisisRulesTheModelMayOverrule"/>) is set aside when
    /// every crisis score of the message stays below this (chosen on validation: half the lowest score of any crisis such
    /// rules caught); 0: crisis rules always stand.
    /// </summary>
    public double CrisisRuleYieldThreshold { get; set; }

    /// <summary>How many previous patient messages are read with the current one.</summary>
    public int ContextMessages { get; set; }

    /// <summary>
    /// How much the crisis score leans on the nearest training messages (<see cref="TriageMemory"/>): the crisis score
    /// is (1 − weight) × the model's crisis probability + weight × the neighbours' crisis vote. 0: no memory.
    /// </summary>
    public double MemoryWeight { get; set; }

    /// <summary>
    /// The same for the other routes, when no rule chose one: the model's probabilities blended with the neighbours'
    /// votes by this weight. 0: the model alone.
    /// </summary>
    public double MemoryRouteWeight { get; set; }

    /// <summary>
    /// How much a message that follows others leans on them when no rule chose its route ("how?", "who does", "any
    /// other way?" after a question): the routes other than crisis are (1 − weight) × the message's own scores + weight ×
    /// the scores of the message read with the previous ones, except that a message the model reads as clinical or
    /// injection on its own stays so. Chosen on validation's conversations. 0: the message alone.
    /// </summary>
    public double ContextRouteWeight { get; set; }

    /// <summary>How many nearest training messages vote.</summary>
    public int MemoryNeighbours { get; set; }

    /// <summary>
    /// The training messages' vectors as signed bytes (<see cref="ClinicBot.Embeddings.QuantizedVectors"/>), Base64 in the
    /// file. Read as bytes, not as a string: System.Text.Json decodes Base64 straight into the array, so loading the
    /// model never holds the 28 MB string of the memory's ten megabytes.
    /// </summary>
    public byte[]? MemoryVectors { get; set; }

    /// <summary>Each remembered message's route: one digit a message, the index of its route in <see cref="Labels"/>.</summary>
    public string? MemoryLabels { get; set; }

    /// <summary>Figures on the validation split when it was trained, for the record.</summary>
    public Dictionary<string, string>? Validation { get; set; }

    public List<string> Labels { get; set; } = [];

    public List<float> Bias { get; set; } = [];

    /// <summary>One row per label: little-endian float32 weights, Base64 (<see cref="ClinicBot.Embeddings.FloatCodec"/>).</summary>
    public List<string> Weights { get; set; } = [];
}

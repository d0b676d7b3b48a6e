using ClinicBot.Embeddings;
using System.Text.Json;

namespace ClinicBot.Safety.Triage.Model;

/// <summary>
/// The learned half of triage: a multinomial logistic regression (fitted by ML.NET's L-BFGS maximum-entropy trainer)
/// over <see cref="TriageFeatures"/>. Predicting is one dot product per route and a softmax, so it runs here without
/// ML.NET. Immutable and thread-safe.
/// </summary>
internal sealed class TriageModel
{
    private readonly float[][] _weights;
    private readonly float[] _bias;

    public TriageModel(TriageModelFile file)
    {
        File = file;
        Routes = file.Labels.Select(TriageRouteNames.ParseLabel).ToArray();
        _bias = [.. file.Bias];
        _weights = file.Weights.Select(FloatCodec.Decode).ToArray();
        NGrams = new CharNGrams(file.NgramBuckets, file.NgramMin, file.NgramMax);
        Memory = (file.MemoryWeight > 0 || file.MemoryRouteWeight > 0) && file.MemoryVectors is not null && file.MemoryLabels is not null
            ? TriageMemory.Decode(file.MemoryVectors, file.MemoryLabels, Routes, EmbeddingDimensions, file.MemoryNeighbours)
            : null;
        if (_weights.Length != Routes.Length || _bias.Length != Routes.Length || _weights.Any(w => w.Length != _weights[0].Length))
        {
            throw new InvalidDataException($"{TriageModelFile.FileName}: labels, bias and weights disagree; retrain with `clinicbot train triage`.");
        }
    }

    public TriageModelFile File { get; }

    /// <summary>Length of the sentence vector the head reads (the max-pooled vector, when read, is as long).</summary>
    public int EmbeddingDimensions => (_weights[0].Length - File.NgramBuckets) / (File.PeakPooling ? 2 : 1);

    public TriageRoute[] Routes { get; }

    public CharNGrams NGrams { get; }

    /// <summary>The training messages the crisis score also consults, or null.</summary>
    public TriageMemory? Memory { get; }

    /// <summary>Reads the model of a safety rules directory, or null when there is none.</summary>
    public static TriageModel? Load(string safetyRulesDirectory)
    {
        var path = Path.Combine(safetyRulesDirectory, TriageModelFile.FileName);
        if (!System.IO.File.Exists(path)) return null;
        try
        {
            var file = JsonSerializer.Deserialize<TriageModelFile>(System.IO.File.ReadAllBytes(path), TriageModelFile.Json)
                ?? throw new InvalidDataException($"{TriageModelFile.FileName} is empty.");
            var model = new TriageModel(file);
            // Decoded now: the encoded weights and memory (megabytes of Base64) need not stay in memory.
            (file.Weights, file.MemoryVectors) = ([], null);
            return model;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new InvalidDataException($"{TriageModelFile.FileName}: {e.Message}", e);
        }
    }

    /// <summary>The probability of each route (in <see cref="Routes"/> order).</summary>
    public RouteScores Predict(TriageFeatures features)
    {
        if (features.Length != _weights[0].Length)
        {
            throw new InvalidOperationException($"The model reads {_weights[0].Length} features; this message has {features.Length}.");
        }

        var (embedding, peak, dense) = (features.Embedding, features.Peak, features.DenseLength);
        var logits = new double[Routes.Length];
        for (var k = 0; k < logits.Length; k++)
        {
            var row = _weights[k];
            double sum = _bias[k];
            for (var d = 0; d < embedding.Length; d++) sum += row[d] * embedding[d];
            for (var d = 0; d < peak.Length; d++) sum += row[embedding.Length + d] * peak[d];
            for (var i = 0; i < features.NGramIndices.Length; i++) sum += row[dense + features.NGramIndices[i]] * features.NGramValues[i];
            logits[k] = sum;
        }

        var max = logits.Max();
        var total = 0.0;
        for (var k = 0; k < logits.Length; k++) total += logits[k] = Math.Exp(logits[k] - max);
        return new RouteScores(Routes, logits.Select(v => v / total).ToArray());
    }
}

using ClinicBot.Embeddings;

namespace ClinicBot.Safety.Triage.Model;

/// <summary>
/// What the model reads of a message: its sentence vector, its max-pooled token vector (when the model file reads one;
/// otherwise empty), then its hashed character n-grams, side by side in one vector of <see cref="Length"/> (the n-grams
/// kept sparse). The same layout is used to train and to predict.
/// </summary>
internal sealed class TriageFeatures(float[] embedding, float[] peak, int[] ngramIndices, float[] ngramValues, int ngramBuckets)
{
    /// <summary>The mean-pooled sentence vector (the one the memory and the answerer read).</summary>
    public float[] Embedding { get; } = embedding;

    /// <summary>The max-pooled vector of the tokens, or empty.</summary>
    public float[] Peak { get; } = peak;

    public int[] NGramIndices { get; } = ngramIndices;

    public float[] NGramValues { get; } = ngramValues;

    /// <summary>Where the n-grams start.</summary>
    public int DenseLength => Embedding.Length + Peak.Length;

    public int Length => DenseLength + ngramBuckets;

    /// <summary>The message alone.</summary>
    public static TriageFeatures Of(string text, float[] embedding, float[] peak, CharNGrams ngrams)
    {
        var (indices, values) = ngrams.Featurize(text);
        return new TriageFeatures(embedding, peak, indices, values, ngrams.Buckets);
    }

    /// <summary>
    /// The message read with the patient's previous messages (oldest first): the normalised sum of their vectors, the
    /// normalised per-dimension maximum of their max-pooled vectors, and the n-grams of their joined text. Reading it
    /// this way costs no second pass of the transformer.
    /// </summary>
    public static TriageFeatures Window(
        IReadOnlyList<string> texts, IReadOnlyList<float[]> embeddings, IReadOnlyList<float[]> peaks, CharNGrams ngrams)
    {
        var sum = new float[embeddings[0].Length];
        foreach (var vector in embeddings)
        {
            for (var d = 0; d < sum.Length; d++) sum[d] += vector[d];
        }

        var peak = peaks.Count == 0 ? [] : (float[])peaks[0].Clone();
        foreach (var vector in peaks)
        {
            for (var d = 0; d < peak.Length; d++) peak[d] = Math.Max(peak[d], vector[d]);
        }

        return Of(string.Join(" \n ", texts), UnitVector.Normalize(sum), UnitVector.Normalize(peak), ngrams);
    }

    /// <summary>The dense vector, for the trainer.</summary>
    public float[] ToDense()
    {
        var dense = new float[Length];
        Embedding.CopyTo(dense, 0);
        Peak.CopyTo(dense, Embedding.Length);
        for (var i = 0; i < NGramIndices.Length; i++) dense[DenseLength + NGramIndices[i]] = NGramValues[i];
        return dense;
    }
}

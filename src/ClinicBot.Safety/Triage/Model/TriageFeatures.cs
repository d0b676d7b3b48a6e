namespace ClinicBot.Safety.Triage.Model;

/// <summary>
/// What the model reads of a message: its sentence vector, then its hashed character n-grams, side by side in one
/// vector of <see cref="Length"/> (the n-grams kept sparse). The same layout is used to train and to predict.
/// </summary>
internal sealed class TriageFeatures(float[] embedding, int[] ngramIndices, float[] ngramValues, int ngramBuckets)
{
    public float[] Embedding { get; } = embedding;

    public int[] NGramIndices { get; } = ngramIndices;

    public float[] NGramValues { get; } = ngramValues;

    public int Length => Embedding.Length + ngramBuckets;

    /// <summary>The message alone.</summary>
    public static TriageFeatures Of(string text, float[] embedding, CharNGrams ngrams)
    {
        var (indices, values) = ngrams.Featurize(text);
        return new TriageFeatures(embedding, indices, values, ngrams.Buckets);
    }

    /// <summary>
    /// The message read with the patient's previous messages (oldest first): the normalised sum of their vectors and the
    /// n-grams of their joined text. Reading it this way costs no second pass of the transformer.
    /// </summary>
    public static TriageFeatures Window(IReadOnlyList<string> texts, IReadOnlyList<float[]> embeddings, CharNGrams ngrams)
    {
        var sum = new float[embeddings[0].Length];
        foreach (var vector in embeddings)
        {
            for (var d = 0; d < sum.Length; d++) sum[d] += vector[d];
        }

        var norm = MathF.Sqrt(sum.Sum(v => v * v));
        if (norm > 0) for (var d = 0; d < sum.Length; d++) sum[d] /= norm;
        return Of(string.Join(" \n ", texts), sum, ngrams);
    }

    /// <summary>The dense vector, for the trainer.</summary>
    public float[] ToDense()
    {
        var dense = new float[Length];
        Embedding.CopyTo(dense, 0);
        for (var i = 0; i < NGramIndices.Length; i++) dense[Embedding.Length + NGramIndices[i]] = NGramValues[i];
        return dense;
    }
}

namespace ClinicBot.Embeddings;

/// <summary>The vector of a text and of each of its parts, from one pass of the transformer (<see cref="SentenceEmbedder.EmbedParts"/>).</summary>
/// <param name="Whole">The text's unit vector.</param>
/// <param name="Parts">Each part's unit vector in order; null for a part cut off by the length limit.</param>
public sealed record PartedEmbedding(float[] Whole, IReadOnlyList<float[]?> Parts)
{
    /// <summary>The text's max-pooled unit vector (<see cref="SentenceEmbedder.EmbedPeak"/>).</summary>
    public required float[] WholePeak { get; init; }

    /// <summary>Each part's max-pooled unit vector, null where <see cref="Parts"/> is.</summary>
    public required IReadOnlyList<float[]?> PartPeaks { get; init; }
}

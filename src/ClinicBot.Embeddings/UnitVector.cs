namespace ClinicBot.Embeddings;

/// <summary>Scaling a vector to unit length, so that a dot product of two is their cosine similarity.</summary>
public static class UnitVector
{
    /// <summary>Scales <paramref name="vector"/> in place to unit length (a zero vector stays zero) and returns it.</summary>
    public static float[] Normalize(float[] vector)
    {
        var norm = 0f;
        foreach (var value in vector) norm += value * value;
        norm = MathF.Sqrt(norm);
        if (norm > 0) for (var d = 0; d < vector.Length; d++) vector[d] /= norm;
        return vector;
    }
}

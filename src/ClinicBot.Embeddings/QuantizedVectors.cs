using System.Numerics.Tensors;

namespace ClinicBot.Embeddings;

/// <summary>
/// Unit vectors kept as signed bytes (each component times 127), which holds cosine similarities within about 0.01 at
/// a quarter of the size: how a model file carries the vectors of its training examples. Held dequantized, so comparing
/// a query is one dot product a vector. Immutable and thread-safe.
/// </summary>
public sealed class QuantizedVectors
{
    private const float Scale = 127f;

    // Dequantized, one row after another in one array, so a query walks memory in order.
    private readonly float[] _rows;

    /// <summary>Quantizes the vectors (so this holds exactly what its encoding will).</summary>
    public QuantizedVectors(IEnumerable<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var list = vectors.ToList();
        Dimensions = list.Count == 0 ? 0 : list[0].Length;
        _rows = list.SelectMany(v => Quantize(v).Select(b => b / Scale)).ToArray();
        Count = list.Count;
    }

    private QuantizedVectors(float[] rows, int count, int dimensions)
    {
        (_rows, Count, Dimensions) = (rows, count, dimensions);
    }

    /// <summary>How many vectors it holds.</summary>
    public int Count { get; }

    /// <summary>The length of each vector.</summary>
    public int Dimensions { get; }

    /// <summary>One vector, as held (dequantized), copied.</summary>
    public float[] this[int index] => _rows.AsSpan(index * Dimensions, Dimensions).ToArray();

    /// <summary>The dot product (cosine, for unit vectors) of the query with every vector, in order.</summary>
    public float[] Similarities(ReadOnlySpan<float> query)
    {
        var similarities = new float[Count];
        var rows = _rows.AsSpan();
        for (var i = 0; i < Count; i++) similarities[i] = TensorPrimitives.Dot(query, rows.Slice(i * Dimensions, Dimensions));
        return similarities;
    }

    /// <summary>The indices of the <paramref name="count"/> most similar vectors, most similar first.</summary>
    public static int[] Nearest(float[] similarities, int count)
    {
        ArgumentNullException.ThrowIfNull(similarities);
        if (count <= 0) return [];
        // A few neighbours of thousands: keep the best so far in order, one pass (ties: the earlier vector first).
        var best = new int[Math.Min(count, similarities.Length)];
        var filled = 0;
        for (var i = 0; i < similarities.Length; i++)
        {
            if (filled == best.Length && similarities[i] <= similarities[best[^1]]) continue;
            var at = filled < best.Length ? filled++ : best.Length - 1;
            while (at > 0 && similarities[best[at - 1]] < similarities[i])
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = i;
        }

        return best;
    }

    /// <summary>Base64 of the concatenated signed bytes, for a model file.</summary>
    public string Encode() => Convert.ToBase64String(Quantize(_rows).Select(b => (byte)b).ToArray());

    /// <summary>Reads what <see cref="Encode"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a whole number of vectors of that length.</exception>
    public static QuantizedVectors Decode(string encoded, int dimensions)
    {
        var bytes = Convert.FromBase64String(encoded);
        if (dimensions <= 0 || bytes.Length % dimensions != 0) throw new InvalidDataException($"quantized vectors: {bytes.Length} bytes are not vectors of {dimensions}.");
        var rows = new float[bytes.Length];
        for (var i = 0; i < bytes.Length; i++) rows[i] = (sbyte)bytes[i] / Scale;
        return new QuantizedVectors(rows, bytes.Length / dimensions, dimensions);
    }

    private static sbyte[] Quantize(float[] vector) => vector.Select(v => (sbyte)Math.Clamp(MathF.Round(v * Scale), -127, 127)).ToArray();
}

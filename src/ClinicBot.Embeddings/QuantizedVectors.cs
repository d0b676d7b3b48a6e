using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ClinicBot.Embeddings;

/// <summary>
/// Unit vectors kept as signed bytes (each component times 127), which holds cosine similarities within about 0.01 at
/// a quarter of the size: how a model file carries the vectors of its training examples. Held as bytes too, and a query
/// is compared in bytes (integer dot products, SIMD), so comparing it with 21,000 vectors reads 8 MB, not 32 MB.
/// Immutable and thread-safe.
/// </summary>
public sealed class QuantizedVectors
{
    private const float Scale = 127f;

    // One row after another in one array, so a query walks memory in order.
    private readonly sbyte[] _rows;

    // Built on the first search that shortlists.
    private readonly Lazy<SignSketch> _sketch;

    /// <summary>Quantizes the vectors (so this holds exactly what its encoding will).</summary>
    public QuantizedVectors(IEnumerable<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var list = vectors.ToList();
        Dimensions = list.Count == 0 ? 0 : list[0].Length;
        _rows = list.SelectMany(v => Quantize(v)).ToArray();
        Count = list.Count;
        _sketch = new Lazy<SignSketch>(() => new SignSketch(_rows, Count, Dimensions));
    }

    private QuantizedVectors(sbyte[] rows, int count, int dimensions)
    {
        (_rows, Count, Dimensions) = (rows, count, dimensions);
        _sketch = new Lazy<SignSketch>(() => new SignSketch(_rows, Count, Dimensions));
    }

    /// <summary>How many vectors it holds.</summary>
    public int Count { get; }

    /// <summary>The length of each vector.</summary>
    public int Dimensions { get; }

    /// <summary>One vector, as held (dequantized), copied.</summary>
    public float[] this[int index] => Array.ConvertAll(_rows[(index * Dimensions)..((index + 1) * Dimensions)], b => b / Scale);

    /// <summary>The dot product (cosine, for unit vectors) of the query, quantized like the vectors, with every vector, in order.</summary>
    public float[] Similarities(ReadOnlySpan<float> query) => Similarities([query.ToArray()])[0];

    /// <summary>
    /// <see cref="Similarities(ReadOnlySpan{float})"/> of several queries at once (a message and each of its sentences):
    /// every vector is read from memory once for all of them.
    /// </summary>
    public float[][] Similarities(IReadOnlyList<float[]> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var widened = queries.Select(q => Array.ConvertAll(Quantize(q), b => (short)b)).ToArray();
        var similarities = queries.Select(_ => new float[Count]).ToArray();
        var rows = _rows.AsSpan();
        for (var i = 0; i < Count; i++)
        {
            var row = rows.Slice(i * Dimensions, Dimensions);
            for (var q = 0; q < widened.Length; q++) similarities[q][i] = Dot(widened[q], row) / (Scale * Scale);
        }

        return similarities;
    }

    /// <summary>
    /// The <paramref name="count"/> vectors most similar to each query, most similar first (on a tie, the earlier
    /// vector), with their similarities. When <paramref name="shortlist"/> is smaller than the collection, only the
    /// vectors whose centred signs differ least from the query's (<see cref="SignSketch"/>) are compared in full: a
    /// fraction of the time for thousands of vectors, at the price of missing, rarely, a near vector whose signs
    /// disagree; a shortlist of the whole collection compares every vector.
    /// </summary>
    public Neighbour[][] Nearest(IReadOnlyList<float[]> queries, int count, int shortlist)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var rows = _rows.AsSpan();
        var nearest = new Neighbour[queries.Count][];
        for (var q = 0; q < queries.Count; q++)
        {
            var quantized = Quantize(queries[q]);
            var widened = Array.ConvertAll(quantized, b => (short)b);
            var candidates = shortlist < Count ? _sketch.Value.Shortlist(quantized, shortlist) : null;
            var similarities = new float[candidates?.Length ?? Count];
            for (var i = 0; i < similarities.Length; i++)
            {
                var index = candidates?[i] ?? i;
                similarities[i] = Dot(widened, rows.Slice(index * Dimensions, Dimensions)) / (Scale * Scale);
            }

            nearest[q] = Array.ConvertAll(Nearest(similarities, count), i => new Neighbour(candidates?[i] ?? i, similarities[i]));
        }

        return nearest;
    }

    // The query's bytes were widened to 16 bits once; each row's are widened as they are read and multiplied in pairs
    // summed to 32 bits (127 × 127 × 2 fits). With AVX2 that is one instruction for each (vpmovsxbw, vpmaddwd): every
    // turn compares its message with the memory's shortlisted training messages this way.
    private static int Dot(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> row)
    {
        var d = 0;
        int total;
        if (Avx2.IsSupported)
        {
            var sum = Vector256<int>.Zero;
            for (; d <= row.Length - Vector128<sbyte>.Count; d += Vector128<sbyte>.Count)
            {
                var widenedRow = Avx2.ConvertToVector256Int16(Vector128.Create(row.Slice(d, Vector128<sbyte>.Count)));
                sum = Avx2.Add(sum, Avx2.MultiplyAddAdjacent(widenedRow, Vector256.Create(query.Slice(d, Vector256<short>.Count))));
            }

            total = Vector256.Sum(sum);
        }
        else
        {
            var sum = Vector<int>.Zero;
            for (; d <= row.Length - Vector<sbyte>.Count; d += Vector<sbyte>.Count)
            {
                Vector.Widen(new Vector<sbyte>(row[d..]), out var low, out var high);
                Vector.Widen(low * new Vector<short>(query[d..]), out var p0, out var p1);
                Vector.Widen(high * new Vector<short>(query[(d + Vector<short>.Count)..]), out var p2, out var p3);
                sum += p0 + p1 + p2 + p3;
            }

            total = Vector.Sum(sum);
        }

        for (; d < row.Length; d++) total += query[d] * row[d];
        return total;
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
    public string Encode() => Convert.ToBase64String(ToBytes());

    /// <summary>Reads what <see cref="Encode"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a whole number of vectors of that length.</exception>
    public static QuantizedVectors Decode(string encoded, int dimensions) => FromBytes(Convert.FromBase64String(encoded), dimensions);

    /// <summary>The concatenated signed bytes, for a model file that serializes bytes itself.</summary>
    public byte[] ToBytes() => MemoryMarshal.Cast<sbyte, byte>(_rows).ToArray();

    /// <summary>Reads what <see cref="ToBytes"/> gave.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a whole number of vectors of that length.</exception>
    public static QuantizedVectors FromBytes(byte[] bytes, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (dimensions <= 0 || bytes.Length % dimensions != 0) throw new InvalidDataException($"quantized vectors: {bytes.Length} bytes are not vectors of {dimensions}.");
        return new QuantizedVectors(MemoryMarshal.Cast<byte, sbyte>(bytes).ToArray(), bytes.Length / dimensions, dimensions);
    }

    private static sbyte[] Quantize(ReadOnlySpan<float> vector)
    {
        var bytes = new sbyte[vector.Length];
        for (var i = 0; i < vector.Length; i++) bytes[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] * Scale), -127, 127);
        return bytes;
    }
}

using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ClinicBot.Embeddings;

/// <summary>
/// Each vector of a collection reduced to one bit a component: whether it lies above the collection's mean there. Two
/// vectors whose bits differ in few places point much the same way (the Hamming distance of centred signs tracks the
/// angle between them), so 48 bytes a vector, compared with XOR and a population count, shortlist the thousand or so
/// candidates that a full comparison then ranks: a shortlist, not an answer. Immutable and thread-safe.
/// </summary>
internal sealed class SignSketch
{
    private readonly ulong[] _bits;
    private readonly float[] _mean;
    private readonly int _words;

    /// <param name="rows">The vectors, one after another.</param>
    /// <param name="count">How many vectors.</param>
    /// <param name="dimensions">The length of each.</param>
    public SignSketch(ReadOnlySpan<sbyte> rows, int count, int dimensions)
    {
        (Count, Dimensions, _words) = (count, dimensions, (dimensions + 63) / 64);
        _mean = new float[dimensions];
        for (var i = 0; i < count; i++)
        {
            for (var d = 0; d < dimensions; d++) _mean[d] += rows[i * dimensions + d];
        }

        for (var d = 0; d < dimensions && count > 0; d++) _mean[d] /= count;
        _bits = new ulong[count * _words];
        for (var i = 0; i < count; i++) Sketch(rows.Slice(i * dimensions, dimensions), _bits.AsSpan(i * _words, _words));
    }

    public int Count { get; }

    public int Dimensions { get; }

    /// <summary>
    /// The indices, in ascending order, of the <paramref name="size"/> vectors whose bits differ least from the query's
    /// (on a tie, the earlier vectors); every index when <paramref name="size"/> is the count or more.
    /// </summary>
    public int[] Shortlist(ReadOnlySpan<sbyte> query, int size)
    {
        if (size >= Count) return [.. Enumerable.Range(0, Count)];
        if (size <= 0) return [];
        Span<ulong> sketch = stackalloc ulong[_words];
        Sketch(query, sketch);
        var distances = ArrayPool<ushort>.Shared.Rent(Count);
        try
        {
            return Shortlist(sketch, size, distances);
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(distances);
        }
    }

    private int[] Shortlist(ReadOnlySpan<ulong> sketch, int size, ushort[] distances)
    {
        // Every vector's distance, and how many vectors lie at each distance. The rows are read without bounds checks:
        // this loop runs over every remembered vector on every message.
        Span<int> histogram = stackalloc int[Dimensions + 1];
        ref var bits = ref MemoryMarshal.GetArrayDataReference(_bits);
        for (int i = 0, offset = 0; i < Count; i++, offset += _words)
        {
            var distance = 0;
            for (var w = 0; w < sketch.Length; w++) distance += BitOperations.PopCount(Unsafe.Add(ref bits, offset + w) ^ sketch[w]);
            distances[i] = (ushort)distance;
            histogram[distance]++;
        }

        // The largest distance still in the shortlist, and how many vectors at exactly that distance it takes.
        var (cutoff, below) = (0, 0);
        while (below + histogram[cutoff] < size) below += histogram[cutoff++];
        var atCutoff = size - below;
        var shortlist = new int[size];
        var filled = 0;
        for (var i = 0; i < Count && filled < size; i++)
        {
            if (distances[i] < cutoff || (distances[i] == cutoff && atCutoff-- > 0)) shortlist[filled++] = i;
        }

        return shortlist;
    }

    private void Sketch(ReadOnlySpan<sbyte> vector, Span<ulong> bits)
    {
        bits.Clear();
        for (var d = 0; d < Dimensions; d++)
        {
            if (vector[d] > _mean[d]) bits[d / 64] |= 1UL << (d % 64);
        }
    }
}

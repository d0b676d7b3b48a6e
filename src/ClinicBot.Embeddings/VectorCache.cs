using System.Collections.Concurrent;

namespace ClinicBot.Embeddings;

/// <summary>
/// A bounded map from text to its vector. When full it starts over: conversations are short, so the vectors that
/// matter (the last few messages) are recomputed at most once after a reset.
/// </summary>
internal sealed class VectorCache(int capacity)
{
    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public float[] GetOrAdd(string text, Func<string, float[]> compute)
    {
        if (capacity <= 0) return compute(text);
        if (_vectors.TryGetValue(text, out var vector)) return vector;
        if (_vectors.Count >= capacity) _vectors.Clear();
        return _vectors.GetOrAdd(text, compute);
    }
}

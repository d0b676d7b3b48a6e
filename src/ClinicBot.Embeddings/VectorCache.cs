using System.Collections.Concurrent;

namespace ClinicBot.Embeddings;

/// <summary>
/// A bounded map from text to its vector. When full it starts over: conversations are short, so the vectors that
/// matter (the last few messages) are recomputed at most once after a reset.
/// </summary>
/// <typeparam name="T">What is kept per text: a vector, or a text's vectors by part.</typeparam>
internal sealed class VectorCache<T>(int capacity)
    where T : class
{
    private readonly ConcurrentDictionary<string, T> _vectors = new(StringComparer.Ordinal);

    public T GetOrAdd(string text, Func<string, T> compute)
    {
        if (capacity <= 0) return compute(text);
        if (_vectors.TryGetValue(text, out var vector)) return vector;
        if (_vectors.Count >= capacity) _vectors.Clear();
        return _vectors.GetOrAdd(text, compute);
    }
}

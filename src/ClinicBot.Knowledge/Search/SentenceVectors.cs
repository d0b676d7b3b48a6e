using System.Numerics.Tensors;
using ClinicBot.Knowledge.Articles;

namespace ClinicBot.Knowledge.Search;

/// <summary>
/// The embedding of every article sentence, computed when the search index is built and stored with it. Vectors are
/// unit length, so a dot product is the cosine similarity the answerer ranks and compares sentences by.
/// </summary>
public sealed class SentenceVectors
{
    private readonly IReadOnlyList<Sentence> _sentences;
    private readonly IReadOnlyList<float[]> _vectors;
    private readonly Dictionary<Sentence, int> _positions;

    /// <summary>Pairs each sentence with its vector (same order, same count).</summary>
    public SentenceVectors(IReadOnlyList<Sentence> sentences, IReadOnlyList<float[]> vectors)
    {
        if (sentences.Count != vectors.Count) throw new ArgumentException($"{sentences.Count} sentences but {vectors.Count} vectors.", nameof(vectors));
        _sentences = sentences;
        _vectors = vectors;
        _positions = new Dictionary<Sentence, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < sentences.Count; i++) _positions[sentences[i]] = i;
    }

    /// <summary>No vectors: retrieval is lexical only.</summary>
    public static SentenceVectors Empty { get; } = new([], []);

    /// <summary>Whether there are no vectors.</summary>
    public bool IsEmpty => _vectors.Count == 0;

    /// <summary>The vector of a sentence of the knowledge base, or null when there is none.</summary>
    public float[]? Of(Sentence sentence) => _positions.TryGetValue(sentence, out var i) ? _vectors[i] : null;

    /// <summary>Cosine similarity of a query vector and a sentence (0 when the sentence has no vector).</summary>
    public float Similarity(ReadOnlySpan<float> query, Sentence sentence) =>
        Of(sentence) is { } vector ? TensorPrimitives.Dot(query, vector) : 0f;

    /// <summary>Cosine similarity of two sentences (0 when either has no vector).</summary>
    public float Similarity(Sentence a, Sentence b) =>
        Of(a) is { } x && Of(b) is { } y ? TensorPrimitives.Dot(x, y) : 0f;

    /// <summary>The sentences most similar to a query vector, best first.</summary>
    public IReadOnlyList<(Sentence Sentence, float Similarity)> Nearest(ReadOnlySpan<float> query, int limit)
    {
        var scored = new (Sentence, float)[_vectors.Count];
        for (var i = 0; i < _vectors.Count; i++) scored[i] = (_sentences[i], TensorPrimitives.Dot(query, _vectors[i]));
        Array.Sort(scored, (a, b) => b.Item2.CompareTo(a.Item2));
        return scored.Length <= limit ? scored : scored[..limit];
    }
}

using System.Numerics.Tensors;

namespace ClinicBot.Answering.Model;

/// <summary>
/// The training questions' vectors with whether the articles answer each: a new question close to questions the
/// articles answer is likely answerable; one closest to price, insurance or driving questions likely is not.
/// Stored as signed bytes (unit vectors times 127), which keeps cosine similarities within about 0.01.
/// </summary>
public sealed class QuestionMemory
{
    private const int Neighbours = 5;
    private const float Scale = 127f;

    // Held dequantized, so a comparison is one dot product a question.
    private readonly float[][] _vectors;
    private readonly bool[] _answerable;

    /// <summary>Quantizes unit vectors with their labels (the memory holds exactly what its file will).</summary>
    public QuestionMemory(IReadOnlyList<(float[] Vector, bool Answerable)> questions)
        : this(questions.Select(q => Quantize(q.Vector)).ToArray(), questions.Select(q => q.Answerable).ToArray())
    {
    }

    private QuestionMemory(sbyte[][] quantized, bool[] answerable)
    {
        _vectors = quantized.Select(row => row.Select(b => b / Scale).ToArray()).ToArray();
        _answerable = answerable;
    }

    /// <summary>How many questions it holds.</summary>
    public int Count => _vectors.Length;

    /// <summary>
    /// For a question vector: the highest similarity to an answerable and to an unanswerable question, and the
    /// similarity-weighted share of answerable ones among the nearest five.
    /// </summary>
    public (float NearestAnswerable, float NearestUnanswerable, float NeighbourVote) Compare(ReadOnlySpan<float> query)
    {
        if (_vectors.Length == 0) return (0, 0, 0.5f);
        var similarities = new (float Similarity, bool Answerable)[_vectors.Length];
        for (var i = 0; i < _vectors.Length; i++) similarities[i] = (TensorPrimitives.Dot(query, _vectors[i]), _answerable[i]);

        var nearestAnswerable = similarities.Where(s => s.Answerable).Select(s => s.Similarity).DefaultIfEmpty(0).Max();
        var nearestUnanswerable = similarities.Where(s => !s.Answerable).Select(s => s.Similarity).DefaultIfEmpty(0).Max();
        var nearest = similarities.OrderByDescending(s => s.Similarity).Take(Neighbours).ToList();
        var total = nearest.Sum(s => Math.Max(s.Similarity, 0));
        var vote = total <= 0 ? 0.5f : nearest.Where(s => s.Answerable).Sum(s => Math.Max(s.Similarity, 0)) / total;
        return (nearestAnswerable, nearestUnanswerable, vote);
    }

    /// <summary>The vectors as Base64 of the concatenated bytes, for the model file.</summary>
    public string EncodeVectors() => Convert.ToBase64String(_vectors.SelectMany(v => Quantize(v).Select(b => (byte)b)).ToArray());

    /// <summary>The labels as a string of 1 (answerable) and 0, for the model file.</summary>
    public string EncodeLabels() => new(_answerable.Select(a => a ? '1' : '0').ToArray());

    private static sbyte[] Quantize(float[] vector) => vector.Select(v => (sbyte)Math.Clamp(MathF.Round(v * Scale), -127, 127)).ToArray();

    /// <summary>Reads what <see cref="EncodeVectors"/> and <see cref="EncodeLabels"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The sizes do not agree.</exception>
    public static QuestionMemory Decode(string vectors, string labels, int dimensions)
    {
        var bytes = Convert.FromBase64String(vectors);
        if (dimensions <= 0 || bytes.Length != labels.Length * dimensions) throw new InvalidDataException("question memory: vectors and labels do not agree.");
        var rows = Enumerable.Range(0, labels.Length)
            .Select(i => bytes.AsSpan(i * dimensions, dimensions).ToArray().Select(b => (sbyte)b).ToArray())
            .ToArray();
        return new QuestionMemory(rows, labels.Select(c => c == '1').ToArray());
    }
}

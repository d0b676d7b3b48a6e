using ClinicBot.Embeddings;

namespace ClinicBot.Safety.Triage.Model;

/// <summary>
/// The training messages' vectors and whether each was a crisis: a message whose nearest training messages are crises
/// (farewells, pills counted out, a relative who will not wake) reads as one even where the linear head's single
/// direction misses it. The vote is the similarity-weighted share of crises among the nearest
/// <see cref="Neighbours"/>. Immutable and thread-safe.
/// </summary>
internal sealed class TriageMemory
{
    private readonly QuantizedVectors _vectors;
    private readonly bool[] _crisis;

    public TriageMemory(QuantizedVectors vectors, IReadOnlyList<bool> crisis, int neighbours)
    {
        if (vectors.Count != crisis.Count) throw new InvalidDataException("triage memory: vectors and labels do not agree.");
        if (neighbours < 1) throw new InvalidDataException("triage memory: at least one neighbour is read.");
        _vectors = vectors;
        _crisis = [.. crisis];
        Neighbours = neighbours;
    }

    public int Neighbours { get; }

    public int Count => _crisis.Length;

    /// <summary>The similarity-weighted share of crises among the nearest training messages (0 to 1).</summary>
    public double CrisisVote(ReadOnlySpan<float> vector)
    {
        var similarities = _vectors.Similarities(vector);
        double total = 0, crisis = 0;
        foreach (var i in QuantizedVectors.Nearest(similarities, Neighbours))
        {
            var weight = Math.Max(0, similarities[i]);
            total += weight;
            if (_crisis[i]) crisis += weight;
        }

        return total > 0 ? crisis / total : 0;
    }

    /// <summary>The labels as a string of 1 (crisis) and 0, for the model file.</summary>
    public string EncodeLabels() => new(_crisis.Select(c => c ? '1' : '0').ToArray());

    /// <summary>The vectors for the model file.</summary>
    public string EncodeVectors() => _vectors.Encode();

    /// <summary>Reads what the Encode methods wrote.</summary>
    public static TriageMemory Decode(string vectors, string labels, int dimensions, int neighbours) =>
        new(QuantizedVectors.Decode(vectors, dimensions), labels.Select(c => c == '1').ToList(), neighbours);
}

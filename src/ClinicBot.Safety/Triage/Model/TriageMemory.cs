using ClinicBot.Embeddings;

namespace ClinicBot.Safety.Triage.Model;

/// <summary>
/// The training messages' vectors and the route of each: a message whose nearest training messages are crises
/// (farewells, pills counted out, a relative who will not wake) reads as one even where the linear head's single
/// direction misses it; likewise for the other routes. A route's vote is the similarity-weighted share of that route
/// among the nearest <see cref="Neighbours"/>. Immutable and thread-safe.
/// </summary>
internal sealed class TriageMemory
{
    private readonly QuantizedVectors _vectors;
    private readonly int[] _routes;
    private readonly TriageRoute[] _labels;

    /// <param name="vectors">The remembered messages' unit vectors.</param>
    /// <param name="routes">Each message's route, as an index into <paramref name="labels"/>.</param>
    /// <param name="labels">The routes, in the model's order.</param>
    /// <param name="neighbours">How many nearest messages vote.</param>
    public TriageMemory(QuantizedVectors vectors, IReadOnlyList<int> routes, TriageRoute[] labels, int neighbours)
    {
        if (vectors.Count != routes.Count) throw new InvalidDataException("triage memory: vectors and labels do not agree.");
        if (routes.Any(r => r < 0 || r >= labels.Length)) throw new InvalidDataException("triage memory: a label is not one of the model's routes.");
        if (neighbours < 1) throw new InvalidDataException("triage memory: at least one neighbour is read.");
        _vectors = vectors;
        _routes = [.. routes];
        _labels = labels;
        Neighbours = neighbours;
    }

    public int Neighbours { get; }

    public int Count => _routes.Length;

    /// <summary>Each route's similarity-weighted share among the nearest training messages (0 to 1, summing to 1).</summary>
    public RouteScores Votes(ReadOnlySpan<float> vector) => Votes(_vectors.Similarities(vector));

    /// <summary>The votes for several vectors at once (a message and its sentences), the remembered vectors read once.</summary>
    public IReadOnlyList<RouteScores> Votes(IReadOnlyList<float[]> vectors) => _vectors.Similarities(vectors).Select(Votes).ToList();

    private RouteScores Votes(float[] similarities)
    {
        var votes = new double[_labels.Length];
        double total = 0;
        foreach (var i in QuantizedVectors.Nearest(similarities, Neighbours))
        {
            var weight = Math.Max(0, similarities[i]);
            total += weight;
            votes[_routes[i]] += weight;
        }

        for (var k = 0; k < votes.Length; k++) votes[k] = total > 0 ? votes[k] / total : 0;
        return new RouteScores(_labels, votes);
    }

    /// <summary>The labels as one digit a message (the route's index), for the model file.</summary>
    public string EncodeLabels() => new(_routes.Select(r => (char)('0' + r)).ToArray());

    /// <summary>The vectors for the model file.</summary>
    public string EncodeVectors() => _vectors.Encode();

    /// <summary>Reads what the Encode methods wrote.</summary>
    public static TriageMemory Decode(string vectors, string labels, TriageRoute[] routes, int dimensions, int neighbours) =>
        new(QuantizedVectors.Decode(vectors, dimensions), labels.Select(c => c - '0').ToList(), routes, neighbours);
}

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
    /// <summary>
    /// How many remembered messages, shortlisted by their signs (<see cref="QuantizedVectors.Nearest(IReadOnlyList{float[]}, int, int)"/>),
    /// are compared in full with a message: 4 % of the 26,120 remembered today, which takes the vote from about 450 to about
    /// 200 µs a vector. Over the validation split's messages and sentences the votes are the whole memory's within 0.01
    /// for all but one vector in 1,428 (with 26,208 remembered: all but 5 in 813; TriageMemoryShortlistTests), and training chooses its thresholds through this
    /// same shortlist.
    /// </summary>
    public const int Shortlist = 1024;

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
    public RouteScores Votes(float[] vector) => Votes([vector])[0];

    /// <summary>The votes for several vectors (a message and its sentences).</summary>
    /// <param name="vectors">The vectors.</param>
    /// <param name="shortlist">How many remembered messages are compared in full; the whole memory when it is <see cref="Count"/>.</param>
    public IReadOnlyList<RouteScores> Votes(IReadOnlyList<float[]> vectors, int shortlist = Shortlist) =>
        _vectors.Nearest(vectors, Neighbours, shortlist).Select(Votes).ToList();

    private RouteScores Votes(Neighbour[] nearest)
    {
        var votes = new double[_labels.Length];
        double total = 0;
        foreach (var (i, similarity) in nearest)
        {
            var weight = Math.Max(0, similarity);
            total += weight;
            votes[_routes[i]] += weight;
        }

        for (var k = 0; k < votes.Length; k++) votes[k] = total > 0 ? votes[k] / total : 0;
        return new RouteScores(_labels, votes);
    }

    /// <summary>The labels as one digit a message (the route's index), for the model file.</summary>
    public string EncodeLabels() => new(_routes.Select(r => (char)('0' + r)).ToArray());

    /// <summary>The vectors for the model file.</summary>
    public byte[] EncodeVectors() => _vectors.ToBytes();

    /// <summary>Reads what the Encode methods wrote.</summary>
    public static TriageMemory Decode(byte[] vectors, string labels, TriageRoute[] routes, int dimensions, int neighbours) =>
        new(QuantizedVectors.FromBytes(vectors, dimensions), labels.Select(c => c - '0').ToList(), routes, neighbours);
}

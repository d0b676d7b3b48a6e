using ClinicBot.Embeddings;
using ClinicBot.Safety.Triage;
using ClinicBot.Safety.Triage.Model;

namespace ClinicBot.Safety.Tests.Model;

/// <summary>The memory of training messages: its neighbours, its vote and its encoding.</summary>
public sealed class TriageMemoryTests
{
    private static float[] Unit(params float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    [Fact]
    public void Nearest_MatchesAFullSort_WithTiesInOrder()
    {
        var random = new Random(7);
        var similarities = Enumerable.Range(0, 500).Select(_ => (float)Math.Round(random.NextDouble(), 2)).ToArray();

        var expected = Enumerable.Range(0, similarities.Length).OrderByDescending(i => similarities[i]).Take(7).ToArray();

        Assert.Equal(expected, QuantizedVectors.Nearest(similarities, 7));
        Assert.Empty(QuantizedVectors.Nearest(similarities, 0));
        Assert.Equal(3, QuantizedVectors.Nearest([0.1f, 0.9f, 0.5f], 10).Length);
    }

    private static readonly TriageRoute[] Routes = [TriageRoute.Clinical, TriageRoute.Crisis, TriageRoute.Education];

    [Fact]
    public void Votes_AreTheSimilarityWeightedShareOfEachRouteAmongTheNearest()
    {
        var vectors = new QuantizedVectors([Unit(1, 0, 0), Unit(0.9f, 0.1f, 0), Unit(0, 1, 0), Unit(0, 0, 1)]);
        var memory = new TriageMemory(vectors, [1, 2, 1, 0], Routes, neighbours: 2);

        var votes = memory.Votes(Unit(1, 0.05f, 0));

        var (a, b) = (vectors.Similarities(Unit(1, 0.05f, 0))[0], vectors.Similarities(Unit(1, 0.05f, 0))[1]);
        Assert.Equal(a / (a + b), votes[TriageRoute.Crisis], 3);
        Assert.Equal(b / (a + b), votes[TriageRoute.Education], 3);
        Assert.Equal(0, votes[TriageRoute.Clinical], 3);
        Assert.Equal(1, memory.Votes(Unit(0, 0, 1))[TriageRoute.Clinical], 3);
    }

    [Fact]
    public void Similarities_OfSeveralQueries_AreEachQuerysOwn()
    {
        // 384 dimensions and a ragged length, so both the SIMD part and the remainder are compared.
        var random = new Random(11);
        float[] Random(int length) => Unit([.. Enumerable.Range(0, length).Select(_ => (float)random.NextDouble() - 0.5f)]);
        foreach (var dimensions in new[] { 384, 37 })
        {
            var vectors = new QuantizedVectors(Enumerable.Range(0, 50).Select(_ => Random(dimensions)).ToList());
            var queries = Enumerable.Range(0, 3).Select(_ => Random(dimensions)).ToList();

            var together = vectors.Similarities(queries);

            for (var q = 0; q < queries.Count; q++) Assert.Equal(vectors.Similarities(queries[q]), together[q]);
        }
    }

    [Fact]
    public void Encoding_RoundTripsWithinQuantization()
    {
        var memory = new TriageMemory(new QuantizedVectors([Unit(0.3f, -0.5f, 0.8f), Unit(-1, 0.2f, 0.1f)]), [2, 1], Routes, neighbours: 1);

        var decoded = TriageMemory.Decode(memory.EncodeVectors(), memory.EncodeLabels(), Routes, dimensions: 3, neighbours: 1);

        Assert.Equal("21", decoded.EncodeLabels());
        Assert.Equal(memory.EncodeVectors(), decoded.EncodeVectors());
        Assert.Equal(1, decoded.Votes(Unit(-1, 0.2f, 0.1f))[TriageRoute.Crisis], 3);
        Assert.Throws<InvalidDataException>(() => TriageMemory.Decode(memory.EncodeVectors(), "211", Routes, dimensions: 3, neighbours: 1));
        Assert.Throws<InvalidDataException>(() => TriageMemory.Decode(memory.EncodeVectors(), "29", Routes, dimensions: 3, neighbours: 1));
    }
}

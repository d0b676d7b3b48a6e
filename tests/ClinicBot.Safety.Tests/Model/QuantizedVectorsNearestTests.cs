using ClinicBot.Embeddings;

namespace ClinicBot.Safety.Tests.Model;

/// <summary>Nearest vectors, by a full comparison or through the sign shortlist.</summary>
public sealed class QuantizedVectorsNearestTests
{
    private const int Dimensions = 384;

    // Vectors in loose clusters, as sentence vectors are: each near one of a few directions.
    private static List<float[]> Clustered(Random random, int count, int clusters)
    {
        var centres = Enumerable.Range(0, clusters).Select(_ => Unit(Noise(random, 1))).ToList();
        return Enumerable.Range(0, count).Select(i => Unit(centres[i % clusters].Zip(Noise(random, 0.06f), (c, n) => c + n).ToArray())).ToList();
    }

    private static float[] Noise(Random random, float scale) =>
        [.. Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() - 0.5) * scale)];

    private static float[] Unit(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    [Fact]
    public void Nearest_WithTheWholeCollectionShortlisted_IsTheFullComparison()
    {
        var random = new Random(3);
        var vectors = new QuantizedVectors(Clustered(random, 300, 10));
        var query = Unit(Noise(random, 1));

        var nearest = vectors.Nearest([query], 5, shortlist: vectors.Count)[0];

        var similarities = vectors.Similarities(query);
        Assert.Equal(QuantizedVectors.Nearest(similarities, 5), nearest.Select(n => n.Index));
        Assert.All(nearest, n => Assert.Equal(similarities[n.Index], n.Similarity));
    }

    [Fact]
    public void Nearest_ThroughAShortlist_FindsTheNearestOfClusteredVectors()
    {
        var random = new Random(5);
        var collection = Clustered(random, 4000, 40);
        var vectors = new QuantizedVectors(collection);
        // Queries near a cluster: the full comparison's five nearest are found through a shortlist of a tenth.
        var queries = Enumerable.Range(0, 50).Select(i => Unit(collection[i * 7].Zip(Noise(random, 0.05f), (c, n) => c + n).ToArray())).ToList();

        var exact = vectors.Nearest(queries, 5, shortlist: vectors.Count);
        var shortlisted = vectors.Nearest(queries, 5, shortlist: 400);

        var same = Enumerable.Range(0, queries.Count).Count(q => exact[q].SequenceEqual(shortlisted[q]));
        Assert.True(same >= 48, $"{same} of {queries.Count} queries found the same five");
    }

    [Fact]
    public void Nearest_ThroughAShortlist_IsNotTheFullComparison()
    {
        // Scattered vectors with no cluster to share their signs: a shortlist of 2 % is a shortlist, not the answer, so
        // this tells a shortlist that is really used from one that falls back to comparing everything.
        var random = new Random(9);
        var vectors = new QuantizedVectors(Enumerable.Range(0, 2000).Select(_ => Unit(Noise(random, 1))).ToList());
        var queries = Enumerable.Range(0, 20).Select(_ => Unit(Noise(random, 1))).ToList();

        var exact = vectors.Nearest(queries, 5, shortlist: vectors.Count);
        var shortlisted = vectors.Nearest(queries, 5, shortlist: 40);

        Assert.Contains(Enumerable.Range(0, queries.Count), q => !exact[q].SequenceEqual(shortlisted[q]));
        Assert.All(shortlisted, n => Assert.Equal(5, n.Length));
    }
}

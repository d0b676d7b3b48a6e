using ClinicBot.Embeddings;

namespace ClinicBot.Safety.Tests.Model;

/// <summary>
/// Many texts embedded a batch at a time (an index's sentences at start-up) get the vectors they get one at a time, in
/// the order given, whatever their lengths.
/// </summary>
public sealed class BatchedEmbeddingTests
{
    [Fact]
    public void EmbedAll_TextsOfMixedLengths_AreTheVectorsOfEmbedInTheirOrder()
    {
        using var batched = new SentenceEmbedder(new EmbeddingOptions { CacheEntries = 0 });
        using var single = new SentenceEmbedder(new EmbeddingOptions { CacheEntries = 0 });
        string[] seeds =
        [
            "Each infusion lasts about forty minutes.",
            "ok",
            "Ketamine acts on the NMDA receptor and increases glutamate, which is thought to help the brain form new connections between nerve cells over the following days.",
            "Side effects such as dizziness or nausea usually fade within an hour or two after the session ends.",
            "¿Cuántas sesiones se necesitan?",
        ];
        var texts = Enumerable.Range(0, 40).Select(i => i < seeds.Length ? seeds[i] : $"{seeds[i % seeds.Length]} ({i})").ToList();

        var vectors = batched.EmbedAll(texts);

        Assert.Equal(texts.Count, vectors.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var expected = single.Embed(texts[i]);
            Assert.True(Dot(vectors[i], expected) > 0.9999, $"text {i}: {Dot(vectors[i], expected)}");
        }
    }

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}

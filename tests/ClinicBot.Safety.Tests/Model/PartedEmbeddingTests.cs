using ClinicBot.Embeddings;

namespace ClinicBot.Safety.Tests.Model;

/// <summary>
/// One pass of the transformer gives the vector of a message and of each of its sentences (what triage reads of a
/// longer message); the whole is the message's ordinary vector.
/// </summary>
public sealed class PartedEmbeddingTests
{
    private static readonly string[] Parts = ["Do you validate parking at the clinic?", "I have the pills counted out on my dresser and tonight is the night."];

    [Fact]
    public void EmbedParts_Whole_IsTheVectorOfThePartsJoined()
    {
        var embedder = SentenceEmbedder.Shared;

        var parted = embedder.EmbedParts(Parts);
        var joined = embedder.Embed(string.Join(' ', Parts) + " ");

        Assert.InRange(Dot(parted.Whole, joined), 0.9999, 1.0001);
    }

    [Fact]
    public void EmbedParts_EachPart_IsNearestToItsOwnSentence()
    {
        var embedder = SentenceEmbedder.Shared;

        var parted = embedder.EmbedParts(Parts);
        var parking = embedder.Embed(Parts[0]);
        var pills = embedder.Embed(Parts[1]);

        Assert.Equal(2, parted.Parts.Count);
        Assert.True(Dot(parted.Parts[0]!, parking) > Dot(parted.Parts[0]!, pills));
        Assert.True(Dot(parted.Parts[1]!, pills) > Dot(parted.Parts[1]!, parking));
        Assert.True(Dot(parted.Parts[1]!, pills) > Dot(parted.Whole, pills), "the sentence alone is closer to the disclosure than the whole message is");
    }

    [Fact]
    public void EmbedParts_OnePart_IsEmbed()
    {
        var embedder = SentenceEmbedder.Shared;

        var parted = embedder.EmbedParts([Parts[1]]);

        Assert.Equal(embedder.Embed(Parts[1]), parted.Whole);
        Assert.Equal(parted.Whole, parted.Parts[0]);
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);
}

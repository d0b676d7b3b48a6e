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
        Assert.Equal(embedder.EmbedPeak(Parts[1]), parted.WholePeak);
    }

    [Fact]
    public void EmbedPeak_IsUnitLengthAndNotTheMean()
    {
        var embedder = SentenceEmbedder.Shared;

        var peak = embedder.EmbedPeak(Parts[1]);

        Assert.InRange(Dot(peak, peak), 0.9999, 1.0001);
        Assert.True(Dot(peak, embedder.Embed(Parts[1])) < 0.99, "max pooling reads the tokens differently from the mean");
    }

    [Fact]
    public void EmbedParts_WholePeak_IsThePeakOfThePartsJoined()
    {
        var embedder = SentenceEmbedder.Shared;

        var parted = embedder.EmbedParts(Parts);
        var joined = embedder.EmbedPeak(string.Join(' ', Parts) + " ");

        Assert.InRange(Dot(parted.WholePeak, joined), 0.9999, 1.0001);
        Assert.Equal(2, parted.PartPeaks.Count);
    }

    [Fact]
    public void EmbedPeak_KeepsOneClauseOfALongMessageBetterThanTheMean()
    {
        // A long ordinary message with one dangerous clause at its end: in the mean the preamble outweighs the clause;
        // the per-dimension maximum leans further towards the clause (its lead over the preamble is larger).
        var embedder = SentenceEmbedder.Shared;
        const string Preamble = "Hi, quick one about my appointment on Thursday: can I move it to the afternoon because of work, and do you " +
            "validate parking, and is it ok if my husband waits in the lobby";
        var message = Preamble + ", and " + Parts[1].ToLowerInvariant();

        var byMean = Dot(embedder.Embed(message), embedder.Embed(Parts[1])) - Dot(embedder.Embed(message), embedder.Embed(Preamble));
        var byPeak = Dot(embedder.EmbedPeak(message), embedder.EmbedPeak(Parts[1])) - Dot(embedder.EmbedPeak(message), embedder.EmbedPeak(Preamble));

        Assert.True(byPeak > byMean, $"the clause's lead over the preamble: peak {byPeak:0.000}, mean {byMean:0.000}");
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);
}

using System.Numerics.Tensors;
using ClinicBot.Answering.Model;
using ClinicBot.Embeddings;

namespace ClinicBot.Answering.Tests.Model;

/// <summary>The question memory as the model file stores it: signed bytes, read back to the same comparisons.</summary>
public sealed class QuestionMemoryTests
{
    private const string SessionLength = "science-of-ketamine-therapy-sacramento#4#1";
    private const string SideEffects = "science-of-ketamine-therapy-sacramento#10#1";

    private static readonly (string Text, bool Answerable, string[] Answers)[] Remembered =
    [
        ("how long does a ketamine session take", true, [SessionLength]),
        ("what are the side effects of ketamine infusions?", true, [SideEffects, "luma-health-ketamine-therapy-san-diego#6#0"]),
        ("is ketamine approved by the FDA for depression", true, ["bff-medical-ketamine-therapy-escondido#5#0"]),
        ("how does ketamine work in the brain", true, ["ketamine-therapy-buena-park#2#0"]),
        ("how much does one infusion cost", false, []),
        ("does my insurance cover ketamine therapy?", false, []),
        ("can i drive myself home after the infusion", false, []),
        ("what are your opening hours on saturday", false, []),
    ];

    private static readonly string[] Questions =
    [
        "how long is each session?",
        "do the side effects wear off quickly",
        "will blue cross pay for this",
        "does someone need to pick me up afterwards?",
        "what is ketamine",
    ];

    [Fact]
    public void EncodeDecode_RoundTrip_ComparesTheSame()
    {
        var memory = NewMemory();

        var decoded = QuestionMemory.Decode(memory.EncodeVectors(), memory.EncodeLabels(), memory.EncodeAnswers(), SentenceEmbedder.Shared.Dimensions);

        Assert.Equal(memory.Count, decoded.Count);
        Assert.Equal(memory.EncodeLabels(), decoded.EncodeLabels());
        Assert.Equal(memory.EncodeVectors(), decoded.EncodeVectors());
        Assert.Equal(memory.EncodeAnswers(), decoded.EncodeAnswers());
        foreach (var question in Questions)
        {
            var vector = Embed(question);
            var before = memory.Compare(vector);
            var after = decoded.Compare(vector);
            Assert.Equal(before.NearestAnswerable, after.NearestAnswerable, 0.01f);
            Assert.Equal(before.NearestUnanswerable, after.NearestUnanswerable, 0.01f);
            Assert.Equal(before.NeighbourVote, after.NeighbourVote, 0.01f);
            Assert.Equal(before.SentenceSupport.Keys.Order(StringComparer.Ordinal), after.SentenceSupport.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, support) in before.SentenceSupport) Assert.Equal(support, after.SentenceSupport[key], 0.01f);
        }
    }

    [Fact]
    public void Compare_Quantized_KeepsCosinesWithinAHundredth()
    {
        var vectors = Remembered.Select(q => (Vector: Embed(q.Text), q.Answerable)).ToList();
        var memory = NewMemory();

        foreach (var question in Questions)
        {
            var vector = Embed(question);
            var match = memory.Compare(vector);
            Assert.Equal(vectors.Where(r => r.Answerable).Max(r => TensorPrimitives.Dot(vector, r.Vector)), match.NearestAnswerable, 0.01f);
            Assert.Equal(vectors.Where(r => !r.Answerable).Max(r => TensorPrimitives.Dot(vector, r.Vector)), match.NearestUnanswerable, 0.01f);
        }
    }

    [Fact]
    public void Compare_PriceQuestion_IsNearestAnUnanswerableOne()
    {
        var match = NewMemory().Compare(Embed("what's the price of a single infusion?"));

        Assert.True(match.NearestUnanswerable > match.NearestAnswerable, $"answerable {match.NearestAnswerable:0.00}, unanswerable {match.NearestUnanswerable:0.00}");
        Assert.True(match.NeighbourVote < 0.5f, $"neighbour vote {match.NeighbourVote:0.00}");
    }

    [Fact]
    public void Compare_SessionQuestion_SupportsTheSentenceThatAnsweredItMost()
    {
        var match = NewMemory().Compare(Embed("how long is each session?"));

        Assert.True(match.SentenceSupport[SessionLength] > match.SentenceSupport[SideEffects]);
    }

    [Fact]
    public void Decode_VectorsAndLabelsDisagree_Throws()
    {
        var memory = NewMemory();

        Assert.Throws<InvalidDataException>(() =>
            QuestionMemory.Decode(memory.EncodeVectors(), memory.EncodeLabels() + "1", null, SentenceEmbedder.Shared.Dimensions));
    }

    private static QuestionMemory NewMemory() =>
        new(Remembered.Select(q => new RememberedQuestion(Embed(q.Text), q.Answerable, q.Answers)).ToList());

    private static float[] Embed(string text) => SentenceEmbedder.Shared.Embed(text);
}

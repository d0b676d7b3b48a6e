using ClinicBot.Safety.Triage.Model;

namespace ClinicBot.Safety.Tests.Model;

/// <summary>How a message is cut into the sentences triage also reads on their own.</summary>
public sealed class MessagePartsTests
{
    [Fact]
    public void Split_OneSentence_IsOnePart()
    {
        Assert.Equal(["how long does a session last"], MessageParts.Split("how long does a session last"));
    }

    [Fact]
    public void Split_QuestionThenDisclosure_CutsAfterTheQuestionMark()
    {
        var parts = MessageParts.Split("Do you validate parking? Also I have the pills counted out on my dresser.");

        Assert.Equal(["Do you validate parking?", "Also I have the pills counted out on my dresser."], parts);
    }

    [Fact]
    public void Split_LineBreaksAndEllipsis_CutToo()
    {
        var parts = MessageParts.Split("my ride canceled for tmrw\nis there a shuttle from the station… honestly might just walk into traffic");

        Assert.Equal(["my ride canceled for tmrw", "is there a shuttle from the station…", "honestly might just walk into traffic"], parts);
    }

    [Fact]
    public void Split_ShortPieces_JoinTheirNeighbour()
    {
        // "Lighter." alone says nothing; "Hi." neither: each joins a neighbour.
        var parts = MessageParts.Split("Hi. I feel relieved since I decided. Lighter. Is that the ketamine?");

        Assert.Equal(["Hi. I feel relieved since I decided. Lighter.", "Is that the ketamine?"], parts);
    }

    [Fact]
    public void Split_DecimalsAndAbbreviationsWithoutSpace_AreNotCut()
    {
        Assert.Single(MessageParts.Split("is 0.5 mg/kg the usual amount for a first infusion"));
    }

    [Fact]
    public void Split_LongStory_KeepsAtMostMaxPartsAndEveryWord()
    {
        var text = string.Join(" ", Enumerable.Range(1, 20).Select(i => $"This is sentence number {i}."));

        var parts = MessageParts.Split(text);

        Assert.Equal(MessageParts.MaxParts, parts.Count);
        Assert.Equal(text, string.Join(' ', parts));
    }
}

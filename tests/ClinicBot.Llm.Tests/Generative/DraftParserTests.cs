using ClinicBot.Answering.Generative;

namespace ClinicBot.Llm.Tests.Generative;

public sealed class DraftParserTests
{
    [Fact]
    public void Parse_MarkersBeforeAndAfterTheStop_SplitsSentencesWithTheirMarkers()
    {
        var drafts = DraftParser.Parse("Ketamine is an anesthetic [1]. It may ease depression. [2][3] Sessions last 40 minutes [2, 4].");

        Assert.Equal(
            [("Ketamine is an anesthetic.", "1"), ("It may ease depression.", "2,3"), ("Sessions last 40 minutes.", "2,4")],
            drafts.Select(d => (d.Text, string.Join(",", d.Markers))));
    }

    [Fact]
    public void Parse_BulletsAndEmphasis_AreDropped()
    {
        var drafts = DraftParser.Parse("- **Ketamine** is an anesthetic [1].\n- Sessions last 40 minutes [2].");

        Assert.Equal(["Ketamine is an anesthetic.", "Sessions last 40 minutes."], drafts.Select(d => d.Text));
    }

    [Fact]
    public void Parse_NoAnswer_GivesNothing()
    {
        Assert.Empty(DraftParser.Parse("NO_ANSWER"));
    }
}

using ClinicBot.Answering.Citations;

namespace ClinicBot.Answering.Tests.Citations;

public sealed class ClauseTrimmerTests
{
    private const string Sentence =
        "Common side effects during and shortly after infusion include dizziness, nausea, disorientation, and a temporary increase in blood pressure and heart rate.";

    [Fact]
    public void Trim_TooLong_CutsAtLastClauseThatFitsAndMarksIt()
    {
        var trimmed = ClauseTrimmer.Trim(Sentence, 100);

        Assert.Equal("Common side effects during and shortly after infusion include dizziness, nausea, disorientation…", trimmed);
        Assert.StartsWith(trimmed!.TrimEnd('…'), Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Trim_FitsAlready_ReturnsSentenceUnchanged()
    {
        Assert.Equal(Sentence, ClauseTrimmer.Trim(Sentence, 500));
    }

    [Fact]
    public void Trim_NoClauseLongEnough_ReturnsNull()
    {
        Assert.Null(ClauseTrimmer.Trim(Sentence, 50));
    }
}

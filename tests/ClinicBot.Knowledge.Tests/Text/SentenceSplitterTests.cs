using ClinicBot.Knowledge.Text;

namespace ClinicBot.Knowledge.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_AbbreviationsAndQuotes_SplitOnlyAtSentenceEnds()
    {
        var sentences = SentenceSplitter.Split("It is prescribed \"off-label\" for depression. Dr. Smith agrees, e.g. for PTSD. Why? 2014 saw a study.");

        Assert.Equal(["It is prescribed \"off-label\" for depression.", "Dr. Smith agrees, e.g. for PTSD.", "Why?", "2014 saw a study."], sentences);
    }

    [Fact]
    public void Split_NoFinalPeriod_KeepsLastSentence()
    {
        Assert.Equal(["One.", "Two without a period"], SentenceSplitter.Split("One. Two without a period"));
    }
}

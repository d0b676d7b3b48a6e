using ClinicBot.Knowledge.Text;

namespace ClinicBot.Knowledge.Tests.Text;

public sealed class PorterStemmerTests
{
    [Theory]
    [InlineData("monitored", "monitor")]
    [InlineData("monitoring", "monitor")]
    [InlineData("infusions", "infus")]
    [InlineData("infusion", "infus")]
    [InlineData("dissociation", "dissoci")]
    [InlineData("dissociative", "dissoci")]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("relational", "relat")]
    [InlineData("effects", "effect")]
    public void Stem_Word_ReturnsPorterStem(string word, string stem)
    {
        Assert.Equal(stem, PorterStemmer.Stem(word));
    }
}

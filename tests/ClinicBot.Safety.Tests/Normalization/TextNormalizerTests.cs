namespace ClinicBot.Safety.Tests.Normalization;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("I can't breathe", "i can not breathe")]
    [InlineData("I CANT BREATH", "i can not breath")]
    [InlineData("K1ll mys3lf", "kil myself")]
    [InlineData("sooo tired", "so tired")]
    [InlineData("gona end it 2nite", "going to end it tonight")]
    [InlineData("Me corté el brazo", "me corte el brazo")]
    [InlineData("you're killing me 😂", "you are kiling me lol")]
    [InlineData("Lexapro 20mg", "lexapro 20 mg")]
    [InlineData("0.5mg/kg", "0.5 mg kg")]
    [InlineData("Hi! How are you?", "hi . how are you ?")]
    public void Normalize_Message_ReturnsMatchingForm(string text, string expected)
    {
        var normalizer = Rules.SafetyRuleDirectory.Read(SafetyRuleFiles.Directory).Normalizer;

        Assert.Equal(expected, normalizer.Normalize(text));
    }

    [Theory]
    [InlineData(@"\bkill\s+myself\b", @"\bkil\s+myself\b")]
    [InlineData(@"\bpresión\b", @"\bpresion\b")]
    [InlineData(@"\ss", @"\ss")]
    public void NormalizePattern_Pattern_CollapsesLettersButKeepsEscapes(string pattern, string expected)
    {
        Assert.Equal(expected, Safety.Normalization.TextNormalizer.NormalizePattern(pattern));
    }
}

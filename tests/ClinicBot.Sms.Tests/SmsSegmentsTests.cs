using ClinicBot.Channels.Sms;

namespace ClinicBot.Sms.Tests;

public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData(160, 'a', 1)]
    [InlineData(161, 'a', 2)]
    [InlineData(306, 'a', 2)]
    [InlineData(307, 'a', 3)]
    [InlineData(70, 'á', 1)]
    [InlineData(71, 'á', 2)]
    [InlineData(134, 'á', 2)]
    [InlineData(135, 'á', 3)]
    public void Count_Limits_MatchGsm7AndUcs2(int length, char c, int expected) =>
        Assert.Equal(expected, SmsSegments.Count(new string(c, length)));

    [Fact]
    public void Count_OneUcs2Character_SwitchesTheWholeText()
    {
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.EncodingOf(new string('a', 100) + "’"));
        Assert.Equal(2, SmsSegments.Count(new string('a', 100) + "’"));
        Assert.Equal(1, SmsSegments.Count(SmsText.Plain(new string('a', 100) + "’")));
    }

    [Fact]
    public void Count_ExtensionCharacters_TakeTwoSeptets()
    {
        Assert.Equal(1, SmsSegments.Count(new string('{', 80)));
        Assert.Equal(2, SmsSegments.Count(new string('{', 81)));
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.EncodingOf("ñ é ü ¿ ¡ € [ ]"));
    }

    [Theory]
    [InlineData("STOP", SmsKeyword.OptOut)]
    [InlineData("  stop  ", SmsKeyword.OptOut)]
    [InlineData("Opt Out", SmsKeyword.OptOut)]
    [InlineData("Cancel my appointment", SmsKeyword.None)]
    [InlineData("Stop please", SmsKeyword.None)]
    [InlineData("UNSTOP", SmsKeyword.OptIn)]
    [InlineData("ayuda", SmsKeyword.Help)]
    [InlineData("help me", SmsKeyword.None)]
    public void Match_KeywordAlone_Only(string text, SmsKeyword expected) => Assert.Equal(expected, SmsKeywords.Match(text));
}

using System.Text.Json;
using ClinicBot.Channels.Json;

namespace ClinicBot.Host.Tests.BotFramework;

public sealed class LoneSurrogatesTests
{
    [Theory]
    [InlineData("""{"text":"bye \ud83d"}""", "bye \ufffd")]
    [InlineData("""{"text":"\udc4b hi"}""", "\ufffd hi")]
    [InlineData("""{"text":"\ud83d\ud83d\ude00"}""", "\ufffd😀")]
    [InlineData("""{"text":"wave \ud83d\udc4b ok"}""", "wave 👋 ok")]
    [InlineData("""{"text":"a \\ud83d b"}""", "a \\ud83d b")] // an escaped backslash, then plain letters
    [InlineData("""{"text":"\u00e9t\u00E9"}""", "été")]
    public void Repair_LeavesValidTextAndReplacesLoneHalves(string json, string expected)
    {
        var repaired = LoneSurrogates.Repair(json);

        Assert.Equal(expected, JsonDocument.Parse(repaired).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void Repair_NothingToRepair_ReturnsTheSameText()
    {
        const string json = """{"text":"hello \ud83d\udc4b"}""";

        Assert.Same(json, LoneSurrogates.Repair(json));
    }
}

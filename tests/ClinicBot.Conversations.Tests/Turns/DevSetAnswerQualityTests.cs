using ClinicBot.Conversations.Turns;
using ClinicBot.Testing;
using ClinicBot.Testing.DevSet;
using Xunit.Abstractions;

namespace ClinicBot.Conversations.Tests.Turns;

/// <summary>
/// The dev set's education and unanswerable cases through the whole turn pipeline, scored as the product
/// owner measures the engine: each figure is printed, and the test fails below its bar.
/// </summary>
public sealed class DevSetAnswerQualityTests(EngineFixture engine, ITestOutputHelper output) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task EducationAndUnanswerable_DevSet_MeetQualityBars()
    {
        var education = DevSetLoader.Category("education");
        var unanswerable = DevSetLoader.Category("unanswerable");
        Assert.Equal(40, education.Count);
        Assert.Equal(16, unanswerable.Count);

        int answered = 0, cited = 0, mentioned = 0, abstained = 0;
        foreach (var devCase in education)
        {
            var reply = await engine.AskAsync(devCase);
            var routeOk = reply.Route == Routes.Answer;
            var sourceOk = reply.Sources.Any(id => devCase.Sources.Contains(engine.SourceNumber(id)));
            var missing = DevSetScoring.MissingMentions(devCase, reply.Text);
            answered += routeOk ? 1 : 0;
            cited += sourceOk ? 1 : 0;
            mentioned += missing.Count == 0 ? 1 : 0;
            if (!routeOk || !sourceOk || missing.Count > 0)
            {
                output.WriteLine($"  {devCase.Id}: route={reply.Route} sources=[{string.Join(",", reply.Sources.Select(engine.SourceNumber))}] missing={string.Join(" | ", missing)}");
            }
        }

        foreach (var devCase in unanswerable)
        {
            var reply = await engine.AskAsync(devCase);
            abstained += reply.Route == Routes.Abstain ? 1 : 0;
            if (reply.Route != Routes.Abstain) output.WriteLine($"  {devCase.Id}: answered an unanswerable question (confidence {reply.Confidence})");
        }

        var answerRate = Rate(answered, education.Count);
        var sourceRate = Rate(cited, education.Count);
        var mentionRate = Rate(mentioned, education.Count);
        var abstainRate = Rate(abstained, unanswerable.Count);
        output.WriteLine($"education route=answer {answered}/{education.Count} = {answerRate:P1} (bar 95%)");
        output.WriteLine($"education cited source in case sources {cited}/{education.Count} = {sourceRate:P1} (bar 95%)");
        output.WriteLine($"education every must_mention group matched {mentioned}/{education.Count} = {mentionRate:P1} (bar 90%)");
        output.WriteLine($"unanswerable route=abstain {abstained}/{unanswerable.Count} = {abstainRate:P1} (bar 90%)");

        Assert.True(answerRate >= 0.95, $"education answered {answerRate:P1} < 95%");
        Assert.True(sourceRate >= 0.95, $"education cited the right source {sourceRate:P1} < 95%");
        Assert.True(mentionRate >= 0.90, $"education must_mention {mentionRate:P1} < 90%");
        Assert.True(abstainRate >= 0.90, $"unanswerable abstained {abstainRate:P1} < 90%");
    }

    public static IEnumerable<object[]> EducationAndUnanswerable => DevSetLoader.Rows("education", "unanswerable");

    [Theory]
    [MemberData(nameof(EducationAndUnanswerable))]
    public async Task Answer_DevSetCase_NeverMentionsForbiddenPhrase(DevSetCase devCase)
    {
        var reply = await engine.AskAsync(devCase);

        foreach (var forbidden in devCase.MustNotMention)
        {
            Assert.DoesNotContain(forbidden, reply.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static double Rate(int count, int total) => (double)count / total;
}

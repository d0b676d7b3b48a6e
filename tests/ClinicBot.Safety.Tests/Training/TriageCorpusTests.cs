using ClinicBot.Safety.Triage;
using ClinicBot.Training.Corpus;

namespace ClinicBot.Safety.Tests.Training;

/// <summary>A conversation file read as examples: each turn with the turns before it, and which labels hold for the turn alone.</summary>
public sealed class TriageCorpusTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "clinicbot-corpus-" + Guid.NewGuid().ToString("N"));

    public TriageCorpusTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void Read_CrisisConversation_LaterTurnsAreCrisisOnlyWithWhatCameBefore()
    {
        File.WriteAllText(Path.Combine(_directory, "conversations-t.jsonl"), """
            {"id": "t-1", "channel": "sms", "locale": "en", "turns": [{"text": "how long is a session", "route": "education"}, {"text": "ok. make sure my kids get the letters i left", "route": "crisis"}, {"text": "ok", "route": "crisis"}]}
            """);

        var turns = TriageCorpus.Read(_directory).Examples;

        Assert.Equal(["how long is a session", "ok. make sure my kids get the letters i left"], turns[2].Previous);
        Assert.Equal([false, true, false], turns.Select(t => t.IsCrisisOnset));
        Assert.Equal([true, true, false], turns.Select(t => t.LabelHoldsAlone));
        Assert.All(turns.Skip(1), t => Assert.Equal(TriageRoute.Crisis, t.Route));
    }

    [Fact]
    public void Read_CalmConversation_AFollowUpsLabelHoldsOnlyWithTheQuestionBeforeIt()
    {
        File.WriteAllText(Path.Combine(_directory, "conversations-t.jsonl"), """
            {"id": "t-2", "channel": "web", "locale": "en", "turns": [{"text": "Can ketamine help PTSD?", "route": "education"}, {"text": "How?", "route": "education"}]}
            """);

        var turns = TriageCorpus.Read(_directory).Examples;

        Assert.Equal([true, false], turns.Select(t => t.IsFirstTurn));
        Assert.Equal([true, false], turns.Select(t => t.LabelHoldsAlone));
    }

    [Fact]
    public void Read_SingleCrisisMessage_LabelHoldsAlone()
    {
        File.WriteAllText(Path.Combine(_directory, "messages-t.jsonl"), """
            {"text": "ok", "route": "crisis", "channel": "sms", "locale": "en"}
            """);

        var message = Assert.Single(TriageCorpus.Read(_directory).Examples);

        Assert.True(message.LabelHoldsAlone);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

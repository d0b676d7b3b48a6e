using System.Text.RegularExpressions;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;

namespace ClinicBot.Conversations.Tests.Turns;

/// <summary>
/// A clinical question is never answered for the person, but the reply keeps the general part of it: after the
/// deferral (and the escalation, saved first), at most two cited article sentences on the topic, one on SMS — or none
/// when the articles have nothing the answerer is confident of.
/// </summary>
public sealed partial class ClinicalGeneralPartTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    private const string OwnBloodPressure = "I have high blood pressure, is ketamine therapy safe for me?";

    [Fact]
    public async Task Handle_ClinicalOnWeb_DefersEscalatesThenAtMostTwoCitedGeneralSentences()
    {
        var reply = await AskAsync(Channel.Web, OwnBloodPressure);

        Assert.Equal(Routes.Clinical, reply.Route);
        Assert.Equal("normal", reply.Escalation?.Priority);
        Assert.StartsWith("That's a question about your own care", reply.Text, StringComparison.Ordinal);
        var general = reply.Text[reply.Text.IndexOf("what our articles say in general", StringComparison.Ordinal)..];
        var quoted = CitedSentence().Matches(general[..general.IndexOf("**Sources**", StringComparison.Ordinal)]).Count;
        Assert.InRange(quoted, 1, 2);
        Assert.NotEmpty(reply.Sources);
        Assert.All(reply.Sources, id => Assert.NotNull(engine.Knowledge.FindArticle(id)));
        Assert.DoesNotMatch(Dose(), reply.Text);
    }

    [Fact]
    public async Task Handle_ClinicalOnSms_KeepsOneGeneralSentenceAfterTheDeferral()
    {
        var reply = await AskAsync(Channel.Sms, OwnBloodPressure);

        Assert.Equal(Routes.Clinical, reply.Route);
        Assert.StartsWith("That's about your own care", reply.Text, StringComparison.Ordinal);
        var general = reply.Text[(reply.Text.IndexOf("our articles say:", StringComparison.Ordinal) + "our articles say:".Length)..reply.Text.IndexOf("Source:", StringComparison.Ordinal)];
        var article = engine.Knowledge.Sentences.Single(s => s.Text == general.Trim());
        Assert.Contains(engine.Knowledge.GetPassage(article.PassageKey).ArticleId, reply.Sources);
    }

    [Fact]
    public async Task Handle_ClinicalTheArticlesDoNotCover_DefersWithoutGeneralPart()
    {
        var reply = await AskAsync(Channel.Web, "My doctor has me on lamotrigine. Can I still do the infusions?");

        Assert.Equal(Routes.Clinical, reply.Route);
        Assert.NotNull(reply.Escalation);
        Assert.Empty(reply.Sources);
        Assert.DoesNotContain("in general", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    private Task<Reply> AskAsync(Channel channel, string text) =>
        engine.Pipeline.HandleAsync(new TurnRequest("clinical-" + Guid.NewGuid().ToString("N"), channel, "en", text));

    // An article sentence as the web shows it: ends, then its citation markers.
    [GeneratedRegex(@"[.!?](\s*\[\d+\])+")]
    private static partial Regex CitedSentence();

    [GeneratedRegex(@"\b\d+(\.\d+)?\s?(mg|milligrams?|mg/kg)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Dose();
}

using ClinicBot.Answering.Extractive;
using ClinicBot.Answering.Model;
using ClinicBot.Prompts;
using ClinicBot.Testing;
using ClinicBot.Testing.DevSet;

namespace ClinicBot.Answering.Tests.Extractive;

public sealed class ExtractiveComposerTests(ComposerFixture fixture) : IClassFixture<ComposerFixture>
{
    public static IEnumerable<object[]> Questions => DevSetLoader.Rows("education", "unanswerable");

    [Theory]
    [MemberData(nameof(Questions))]
    public void Compose_Sms_FitsTwoSegmentsAsPlainText(DevSetCase devCase)
    {
        var answer = fixture.Composer.Compose(devCase.Text, devCase.Locale, Channel.Sms);

        Assert.True(answer.Text.Length <= 320, $"{answer.Text.Length} characters: {answer.Text}");
        Assert.DoesNotContain("**", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Web_CitesNumberedSourcesWithArticleLinks()
    {
        var answer = fixture.Composer.Compose("What are the common side effects of ketamine therapy?", "en", Channel.Web);

        Assert.True(answer.Answered);
        Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
        foreach (var id in answer.Sources) Assert.Contains($"(/articles/{id})", answer.Text, StringComparison.Ordinal);
        Assert.Contains("not medical advice", answer.Text, StringComparison.Ordinal);
        Assert.Equal(ExtractiveComposer.Name, answer.Composer);
    }

    [Fact]
    public void Compose_SameClaimInSeveralArticles_SaysItOnceAndCitesThemAll()
    {
        var answer = fixture.Composer.Compose("Can ketamine cause hallucinations or psychosis?", "en", Channel.Web);

        var claim = Assert.Single(answer.Evidence, e => e.Text.Contains("hallucinations or psychosis", StringComparison.Ordinal));
        Assert.True(claim.ArticleIds.Count >= 2, "the risk sentence is in two articles and should cite both");
        Assert.Single(answer.Evidence, e => e.Text.Contains("hallucinations", StringComparison.Ordinal));
    }

    // The best sentence's paragraph goes on to cost ("Moreover, the cost of treatment can be prohibitive..."): reading on
    // stops where the paragraph leaves the question's topic.
    [Fact]
    public void Compose_ParagraphTurnsToAnotherSubject_StopsReadingThere()
    {
        var answer = fixture.Composer.Compose("side effects?", "en", Channel.Web);

        Assert.True(answer.Answered);
        Assert.Contains(answer.Evidence, e => e.Text.Contains("side effects", StringComparison.Ordinal));
        Assert.DoesNotContain(answer.Evidence, e => e.Text.Contains("cost", StringComparison.Ordinal));
        Assert.DoesNotContain(answer.Evidence, e => e.Text.Contains("equitable access", StringComparison.Ordinal));
    }

    // With the answer model the answer head abstains on both before the required-evidence rules are reached.
    [Theory]
    [InlineData("How much does one ketamine infusion cost?", "low_confidence")]
    [InlineData("Is ketamine addictive?", "low_confidence")]
    public void Compose_ArticlesLackTheFact_AbstainsAndOffersTheTeam(string question, string reason)
    {
        var answer = fixture.Composer.Compose(question, "en", Channel.Web);

        Assert.False(answer.Answered);
        Assert.Empty(answer.Sources);
        Assert.Equal(reason, answer.AbstainReason);
        Assert.Contains("team", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    // The clinic's required-evidence rules veto an answer whatever the model says: with the answer threshold at 0 the
    // head would answer, but "how much" needs a price and "what percentage" a figure the quoted sentences don't state.
    [Theory]
    [InlineData("How much does one ketamine infusion cost?", "missing_evidence:price")]
    [InlineData("what percentage of patients get better with ketamine", "missing_evidence:percentage")]
    public void Compose_ModelWouldAnswer_RequiredEvidenceStillVetoes(string question, string reason)
    {
        var model = AnswerModelFile.Read(Path.Combine(RepositoryPaths.Prompts, "answering", AnswerModelFile.FileName))!.ToModel();
        var permissive = fixture.Composer.WithModel(model with { AnswerThreshold = 0 });

        var answer = permissive.Compose(question, "en", Channel.Web);

        Assert.False(answer.Answered);
        Assert.Equal(reason, answer.AbstainReason);
    }

    [Fact]
    public void Compose_Spanish_IntroducesEnglishArticleTextInSpanish()
    {
        var answer = fixture.Composer.Compose("¿Cuáles son los efectos secundarios más comunes?", "es", Channel.Web);

        Assert.True(answer.Answered);
        Assert.StartsWith("Nuestros artículos están en inglés", answer.Text, StringComparison.Ordinal);
        Assert.Contains("**Fuentes**", answer.Text, StringComparison.Ordinal);
        Assert.Contains("nausea", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FilterRejectsSentence_SentenceNeverShown()
    {
        var unfiltered = fixture.Composer.Compose("What are the common side effects?", "en", Channel.Web);
        var rejected = unfiltered.Evidence[0].Text;

        var filtered = fixture.Composer.Compose("What are the common side effects?", "en", Channel.Web, new RejectSentence(rejected));

        Assert.DoesNotContain(rejected, filtered.Text, StringComparison.Ordinal);
    }

    private sealed class RejectSentence(string rejected) : ISentenceFilter
    {
        public bool Allows(string sentence) => sentence != rejected;
    }
}

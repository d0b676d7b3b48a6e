using ClinicBot.Answering.Retrieval;
using ClinicBot.Embeddings;
using ClinicBot.Testing;

namespace ClinicBot.Answering.Tests.Retrieval;

/// <summary>
/// <c>prompts/answering/follow-ups.yaml</c> as the answerer reads it: a short message that refers back or opens like a
/// continuation leans on the previous question; a message that names its own topic, or a long one, stands alone.
/// </summary>
public sealed class FollowUpRulesTests(ComposerFixture fixture) : IClassFixture<ComposerFixture>
{
    private static readonly Lazy<FollowUpRules> LazyRules =
        new(() => FollowUpRules.Load(Path.Combine(RepositoryPaths.Prompts, "answering", "follow-ups.yaml")));

    private static readonly Lazy<SpanishGloss> LazyGloss = new(() => SpanishGloss.Load(Path.Combine(RepositoryPaths.Prompts, "safety")));

    [Theory]
    [InlineData("do they wear off?", "en")]
    [InlineData("and how often?", "en")]
    [InlineData("is that permanent?", "en")]
    [InlineData("what about for ptsd", "en")]
    [InlineData("y cuanto dura eso?", "es")]
    [InlineData("¿Y se quitan solos?", "es")]
    public void IsFollowUp_ShortMessageLeaningBack_IsAFollowUp(string message, string locale)
    {
        Assert.True(IsFollowUp(message, locale), $"\"{message}\" should be read with the previous question");
    }

    [Theory]
    [InlineData("What is ketamine and how does it work for depression?", "en")]
    [InlineData("What are the side effects of ketamine?", "en")]
    [InlineData("How much does a session cost?", "en")]
    [InlineData("Hi, my psychiatrist mentioned ketamine infusions for my depression because two antidepressants did not help, and I would like to know what actually happens during one of those sessions and whether they hurt.", "en")]
    [InlineData("¿Cuáles son los efectos secundarios de la ketamina?", "es")]
    public void IsFollowUp_MessageNamingItsOwnTopic_StandsAlone(string message, string locale)
    {
        Assert.False(IsFollowUp(message, locale), $"\"{message}\" should be read on its own");
    }

    [Fact]
    public void None_NeverReadsAFollowUp()
    {
        Assert.False(FollowUpRules.None.IsFollowUp("do they wear off?", fixture.Analyzer.Analyze("do they wear off?")));
    }

    // As QuestionReader does: the rules see the message as typed, the analysis is of its English gloss.
    private bool IsFollowUp(string message, string locale) =>
        LazyRules.Value.IsFollowUp(message, fixture.Analyzer.Analyze(LazyGloss.Value.EmbeddingInput(message, locale)));
}

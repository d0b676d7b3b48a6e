namespace ClinicBot.Knowledge.Tests.Search;

/// <summary>What real patients type: misspellings, SMS shorthand, lay words and Spanish reach the articles' terms.</summary>
public sealed class QueryAnalyzerTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    [Theory]
    [InlineData("is ketamin safe", "ketamine")]
    [InlineData("whats dissasociation like", "dissociation")]
    [InlineData("how long is an infussion", "infusion")]
    [InlineData("does it help depresion", "depression")]
    public void Analyze_Misspelling_IsCorrectedToArticleWord(string question, string expected)
    {
        Assert.Contains(expected, fixture.Analyzer.Analyze(question).EnglishTokens);
    }

    [Fact]
    public void Analyze_SmsShorthand_IsExpanded()
    {
        var tokens = fixture.Analyzer.Analyze("r u monitored during the sesh bc im nervous w/ needles").EnglishTokens;

        Assert.Contains("session", tokens);
        Assert.Contains("because", tokens);
        Assert.Contains("with", tokens);
        Assert.DoesNotContain("sesh", tokens);
    }

    [Theory]
    [InlineData("¿Cuáles son los efectos secundarios?", "side effects")]
    [InlineData("cuanto dura cada sesion", "how long")]
    [InlineData("¿Es seguro?", "safe")]
    [InlineData("¿Ayuda con el dolor crónico?", "chronic pain")]
    public void Analyze_SpanishKeyTerms_AreRewrittenToEnglish(string question, string english)
    {
        Assert.Contains(english, fixture.Analyzer.Analyze(question).EnglishText, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_LaySynonym_MatchesArticleWording()
    {
        var concept = Assert.Single(fixture.Analyzer.Analyze("spacey").Concepts);

        Assert.Contains(concept.Alternatives, a => a.SequenceEqual(["dissoci"]));
    }

    [Fact]
    public void Analyze_WordTheArticlesLack_WeighsMoreThanOneTheyUse()
    {
        var concepts = fixture.Analyzer.Analyze("Is ketamine addictive?").Concepts;

        var addictive = Assert.Single(concepts, c => c.Label == "addictive");
        var ketamine = Assert.Single(concepts, c => c.Label == "ketamine");
        Assert.Equal(0, addictive.PassageCount);
        Assert.True(addictive.Weight > ketamine.Weight * 10);
    }

    [Fact]
    public void Analyze_DifferentFirstLetter_IsNotForcedOntoAnArticleWord()
    {
        Assert.Contains("esketamine", fixture.Analyzer.Analyze("what is esketamine").EnglishTokens);
    }

    [Theory]
    [InlineData("What are the common side effects?", "Safety and Side Effects")]
    [InlineData("what r the side effects of the drip", "Safety and Side Effects")]
    [InlineData("¿Cuáles son los efectos secundarios más comunes?", "Safety and Side Effects")]
    [InlineData("How long does each session last?", "The Procedure of Ketamine Therapy")]
    public void Search_PatientWording_FindsTheAnsweringSection(string question, string heading)
    {
        var top = fixture.Searcher.Search(fixture.Analyzer.Analyze(question), 5);

        Assert.Contains(top, hit => hit.Passage.Heading == heading);
    }
}

using ClinicBot.Answering.Generative;
using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Lexicon;
using ClinicBot.Knowledge.Search;
using ClinicBot.Knowledge.Text;
using ClinicBot.Testing;

namespace ClinicBot.Llm.Tests.Generative;

/// <summary>The verification rule on hand-made passages, one verdict per case.</summary>
public sealed class SentenceVerifierTests : IDisposable
{
    private readonly EngineHost _host = new();
    private readonly SentenceVerifier _verifier;
    private readonly IReadOnlyList<PromptPassage> _passages =
    [
        Passage(1, "Side effects", "Ketamine can raise blood pressure for a short time during the infusion. Ketamine is not addictive when it is given in a clinic."),
        Passage(2, "What a session is like", "Each infusion session lasts about 40 minutes. Most patients receive six sessions over two to three weeks."),
    ];

    public SentenceVerifierTests()
    {
        var lexicon = _host.Get<Lexicon>();
        _verifier = new SentenceVerifier(
            _host.Get<QueryAnalyzer>(),
            lexicon.Stopwords,
            lexicon.Stopwords.Select(TextAnalyzer.Stem).ToHashSet(StringComparer.Ordinal),
            VerificationRules.Load(Path.Combine(RepositoryPaths.Prompts, "llm", "verification.yaml")),
            minimumSupport: 0.7);
    }

    [Theory]
    [InlineData("During the infusion, ketamine can briefly raise blood pressure.", new[] { 1 }, "Supported")]
    [InlineData("A session lasts about 40 minutes, and most patients have six sessions.", new[] { 2 }, "Supported")]
    [InlineData("Blood pressure can rise during the infusion, and a session lasts about 40 minutes.", new[] { 1, 2 }, "Supported")]
    [InlineData("Each infusion session lasts about forty minutes.", new[] { 2 }, "Supported")]
    [InlineData("Ketamine can raise blood pressure.", new int[0], "Uncited")]
    [InlineData("Ketamine can raise blood pressure.", new[] { 3 }, "UnknownMarker")]
    [InlineData("Yes, it is.", new[] { 1 }, "NoContent")]
    [InlineData("Ketamine cures diabetes and heart disease permanently.", new[] { 1 }, "LowSupport")]
    [InlineData("Ketamine can raise blood pressure.", new[] { 2 }, "LowSupport")]
    [InlineData("Each infusion session lasts about 90 minutes.", new[] { 2 }, "NumberMissing")]
    [InlineData("Most patients receive ten sessions over two to three weeks.", new[] { 2 }, "NumberMissing")]
    [InlineData("Ketamine is addictive when it is given in a clinic.", new[] { 1 }, "NegationFlip")]
    [InlineData("Ketamine does not raise blood pressure during the infusion.", new[] { 1 }, "NegationFlip")]
    public void Verify_Sentence_GivesVerdict(string text, int[] markers, string expected)
    {
        Assert.Equal(expected, _verifier.Verify(new DraftSentence(text, markers), _passages, "en").ToString());
    }

    [Fact]
    public void Verify_SpanishRephrasingOfNumbers_ChecksTheNumbers()
    {
        Assert.Equal(SentenceVerdict.NumberMissing, _verifier.Verify(new DraftSentence("Cada sesión de infusión dura unos 90 minutos.", [2]), _passages, "es"));
    }

    public void Dispose() => _host.Dispose();

    private static PromptPassage Passage(int number, string heading, string text)
    {
        var key = "test#" + number;
        var sentences = SentenceSplitter.Split(text).Select((s, i) => new Sentence(s, TextAnalyzer.Stems(s), key, i)).ToList();
        return new PromptPassage(number, new Passage(key, "test", number, heading, text, sentences), "Test article");
    }
}

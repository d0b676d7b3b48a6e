using ClinicBot.Embeddings;
using ClinicBot.Safety.Triage;
using ClinicBot.Safety.Triage.Model;

namespace ClinicBot.Safety.Tests.Triage;

/// <summary>The classifier reads a message with the patient's previous messages, and says so in its result.</summary>
public sealed class TriageContextTests
{
    private const string Oblique = "anyway dont bother booking me for next month, i wont need it after this weekend";

    [Fact]
    public void Classify_DarkPreviousMessages_RaiseTheCrisisReadingOfAnObliqueLine()
    {
        var classifier = SafetyRuleFiles.Classifier;
        string[] previous = ["nothing has worked for me, not the meds, not therapy, not tms", "i just feel like a weight on everyone around me"];

        var alone = classifier.Classify(Oblique, "en");
        var withContext = classifier.Classify(Oblique, "en", previous);

        Assert.Null(alone.ContextScores);
        Assert.NotNull(withContext.ContextScores);
        Assert.True(withContext.ContextScores[TriageRoute.Crisis] > alone.Scores![TriageRoute.Crisis],
            $"context {withContext.ContextScores[TriageRoute.Crisis]:0.00} vs alone {alone.Scores![TriageRoute.Crisis]:0.00}");
        Assert.Equal(TriageRoute.Crisis, withContext.Route);
    }

    [Fact]
    public void Classify_CalmPreviousMessages_LeaveAnOrdinaryQuestionAlone()
    {
        string[] previous = ["I had a rough couple of years with depression, I'm in a much better place now", "my therapist suggested I look into this"];

        var result = SafetyRuleFiles.Classifier.Classify("How many sessions do people usually need?", "en", previous);

        Assert.Equal(TriageRoute.Education, result.Route);
        Assert.DoesNotContain(result.Reasons, r => r.StartsWith("model.context.crisis", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_WithModel_OffersTheMessageVectorToTheAnswerer()
    {
        var result = SafetyRuleFiles.Classifier.Classify("What does a ketamine infusion feel like?", "en");

        Assert.NotNull(result.Embedding);
        Assert.Equal(384, result.Embedding.Length);
        Assert.InRange(result.Embedding.Sum(v => v * v), 0.99f, 1.01f);
    }

    [Fact]
    public void Classify_ModelFails_RulesStillRouteTheCrisis()
    {
        // A model file whose weights do not fit the features: every prediction throws.
        var broken = new TriageModelFile
        {
            EmbeddingModel = SentenceEmbedder.ModelName,
            NgramBuckets = 16,
            NgramMin = 3,
            NgramMax = 5,
            Labels = ["crisis", "education"],
            Bias = [0, 0],
            Weights = [Convert.ToBase64String(new byte[40]), Convert.ToBase64String(new byte[40])],
        };
        var classifier = SafetyRuleFiles.Classifier.WithModel(new TriageModel(broken), SentenceEmbedder.Shared);

        var result = classifier.Classify("I want to kill myself tonight", "en");

        Assert.Equal(TriageRoute.Crisis, result.Route);
        Assert.Contains("model.unavailable", result.Reasons);
    }
}

using ClinicBot.Safety.Triage;

namespace ClinicBot.Safety.Tests.Triage;

/// <summary>
/// A crisis rule whose words also describe the past or the topic (<c>model_may_overrule_crisis</c> in triage.yaml) yields
/// to a model all but sure there is no crisis (the threshold the model file carries); a crisis happening now, and any rule
/// not on that list, always stands.
/// </summary>
public sealed class TriageCrisisRuleYieldTests
{
    // "tried to take my life" is the explicit rule's wording; here it is history, ten years resolved, and the question is clinical.
    private const string PastAttempt = "tried to take my life back in 2012, stable for years now with therapy. does my lamotrigine interact with ketamine";

    [Fact]
    public void Classify_PastAttempt_RuleStandsWhenTheModelMayNotOverrule()
    {
        var result = WithYield(0).Classify(PastAttempt, "en");

        Assert.Equal(TriageRoute.Crisis, result.Route);
        Assert.Contains("crisis.suicidal_ideation.explicit", result.Reasons);
    }

    [Fact]
    public void Classify_PastAttempt_GoesWhereItWouldWithoutTheRuleWhenTheModelSeesNoCrisis()
    {
        var result = WithYield(0.05).Classify(PastAttempt, "en");

        Assert.Equal(TriageRoute.Clinical, result.Route);
        Assert.Equal("crisis.suicidal_ideation.explicit", result.Reasons[0]);
        Assert.Contains("model.overrules.crisis", result.Reasons);
        Assert.Contains(result.Reasons, r => r.StartsWith("clinical.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I tried to take my life last night and I still have the rest of the pills next to me")]
    [InlineData("sucide")]
    [InlineData("hace años intenté quitarme la vida y hoy lo estoy pensando otra vez, ya tengo las pastillas")]
    public void Classify_CrisisNow_StandsWithTheLargestThresholdTrainingMayChoose(string message)
    {
        var result = WithYield(0.05).Classify(message, "es");

        Assert.Equal(TriageRoute.Crisis, result.Route);
        Assert.DoesNotContain("model.overrules.crisis", result.Reasons);
    }

    [Fact]
    public void Classify_RuleNotOnTheList_NeverYields()
    {
        // Every score is below a threshold above 1: only the list keeps this emergency a crisis.
        var result = WithYield(1.01).Classify("my dad just passed out in the bathroom and won't answer", "en");

        Assert.Equal(TriageRoute.Crisis, result.Route);
        Assert.Contains("crisis.medical_emergency", result.Reasons);
        Assert.DoesNotContain("model.overrules.crisis", result.Reasons);
    }

    private static TriageClassifier WithYield(double threshold) => SafetyRuleFiles.WithThresholds(f => f.CrisisRuleYieldThreshold = threshold);
}

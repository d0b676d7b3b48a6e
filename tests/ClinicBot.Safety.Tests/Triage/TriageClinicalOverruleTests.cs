using ClinicBot.Safety.Triage;

namespace ClinicBot.Safety.Tests.Triage;

/// <summary>
/// A clinical rule that reads a general question as personal yields to the model when the model is sure enough (the
/// threshold the model file carries); a personal question stays with the clinician.
/// </summary>
public sealed class TriageClinicalOverruleTests
{
    // "interact" is a clinical rule's word for the patient's own medications; here it is about receptors.
    private const string GeneralQuestion = "Does ketamine interact with the opioid receptors at all?";

    [Fact]
    public void Classify_RuleStands_WhenTheModelMayNotOverrule()
    {
        var result = WithOverrule(1.01).Classify(GeneralQuestion, "en");

        Assert.Equal(TriageRoute.Clinical, result.Route);
        Assert.Contains(result.Reasons, r => r.StartsWith("clinical.", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_ModelSureOfAGeneralQuestion_OverrulesTheClinicalRule()
    {
        var result = WithOverrule(0.6).Classify(GeneralQuestion, "en");

        Assert.Equal(TriageRoute.Education, result.Route);
        Assert.Contains("model.overrules.clinical", result.Reasons);
        Assert.Contains(result.Reasons, r => r.StartsWith("clinical.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I take lithium for my bipolar, is it ok for me to do ketamine next week or do I stop it first?")]
    [InlineData("im 7 weeks pregnant and have my 3rd infusion friday, should i still go")]
    [InlineData("tomo sertralina 100 y clonazepam en la noche, puedo hacerme la infusion el lunes?")]
    public void Classify_PersonalQuestion_StaysClinicalWithTheShippedThreshold(string message)
    {
        var result = SafetyRuleFiles.Classifier.Classify(message, "en");

        Assert.Equal(TriageRoute.Clinical, result.Route);
        Assert.DoesNotContain("model.overrules.clinical", result.Reasons);
    }

    private static TriageClassifier WithOverrule(double threshold) => SafetyRuleFiles.WithThresholds(f => f.EducationOverClinicalThreshold = threshold);
}

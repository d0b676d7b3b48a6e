using ClinicBot.Safety.Triage;
using ClinicBot.Safety.Triage.Model;

namespace ClinicBot.Safety.Tests.Triage;

/// <summary>
/// How a message that follows others leans on them when no rule chose its route
/// (<see cref="TriageModelFile.ContextRouteWeight"/>): "how?" after a question about the therapy is a question, not
/// small talk; but what came before never takes a clinical reading away, and crisis is decided as before.
/// </summary>
public sealed class TriageFollowUpDecisionTests
{
    private static readonly TriageRoute[] Routes = [TriageRoute.Crisis, TriageRoute.Clinical, TriageRoute.Smalltalk, TriageRoute.Education];

    [Fact]
    public void Decide_ShortMessageTheModelReadsAsSmalltalk_IsEducationWhenItsContextIsAQuestion()
    {
        var signals = Signals(alone: [0, 0, 0.6, 0.4], context: [0, 0, 0.05, 0.95]);

        var leaning = SafetyRuleFiles.Classifier.Decide(signals, Thresholds(contextWeight: 0.6));
        var alone = SafetyRuleFiles.Classifier.Decide(signals, Thresholds(contextWeight: 0));

        Assert.Equal(TriageRoute.Education, leaning.Route);
        Assert.Contains(leaning.Reasons, r => r.StartsWith("model.context.education", StringComparison.Ordinal));
        Assert.Equal(TriageRoute.Smalltalk, alone.Route);
    }

    [Fact]
    public void Decide_ClinicalOnItsOwn_StaysClinicalWhateverItsContextSays()
    {
        var signals = Signals(alone: [0, 0.7, 0, 0.3], context: [0, 0, 0, 1]);

        var result = SafetyRuleFiles.Classifier.Decide(signals, Thresholds(contextWeight: 0.8));

        Assert.Equal(TriageRoute.Clinical, result.Route);
    }

    [Fact]
    public void Decide_EllipticalMessageAfterAPersonalQuestion_IsClinicalInItsContext()
    {
        // "and for me?" after a question about the writer's own condition: unsure alone, clinical with what came before.
        var signals = Signals(alone: [0, 0.3, 0.3, 0.4], context: [0, 0.9, 0, 0.1]);

        var result = SafetyRuleFiles.Classifier.Decide(signals, Thresholds(contextWeight: 0.6));

        Assert.Equal(TriageRoute.Clinical, result.Route);
    }

    [Fact]
    public void Decide_CrisisOnItsOwn_IsCrisisWhateverItsContextSays()
    {
        var signals = Signals(alone: [0.8, 0, 0, 0.2], context: [0, 0, 0, 1]);

        var result = SafetyRuleFiles.Classifier.Decide(signals, Thresholds(contextWeight: 0.8));

        Assert.Equal(TriageRoute.Crisis, result.Route);
    }

    private static TriageSignals Signals(double[] alone, double[] context) => new(
        TriageResult.Education,
        new RouteScores(Routes, alone),
        new RouteScores(Routes, context),
        Embedding: new float[384],
        MemoryVotes: null);

    private static TriageModelFile Thresholds(double contextWeight) => new()
    {
        Labels = ["crisis", "clinical", "smalltalk", "education"],
        CrisisThreshold = 0.5,
        ModelCrisisThreshold = 1.01,
        ExcludedCrisisThreshold = 0.9,
        PartCrisisThreshold = 1.01,
        ContextCrisisThreshold = 1.01,
        RouteThreshold = 0.5,
        ContextRouteWeight = contextWeight,
    };
}

using ClinicBot.Safety.Triage;
using ClinicBot.Safety.Triage.Model;

namespace ClinicBot.Safety.Tests.Triage;

/// <summary>
/// How the signals are decided: the blended crisis score (model and memory) and, beside it, the model's own crisis
/// probability, so that neighbours that look alike (hard negatives) can't talk a sure model out of a crisis.
/// </summary>
public sealed class TriageDecisionTests
{
    private static readonly TriageRoute[] Routes = [TriageRoute.Crisis, TriageRoute.Education];

    [Fact]
    public void Decide_SureModelOutvotedByItsNeighbours_IsStillCrisisWhenTheModelAloneMayDecide()
    {
        var signals = Signals(model: 0.96, neighbours: 0.0);

        var result = SafetyRuleFiles.Classifier.Decide(signals, Thresholds(modelAlone: 0.9));

        Assert.Equal(TriageRoute.Crisis, result.Route);
        Assert.Contains("model.alone.crisis:0.96", result.Reasons);
    }

    [Fact]
    public void Decide_SureModelOutvotedByItsNeighbours_IsNotCrisisWithoutTheModelAloneThreshold()
    {
        var signals = Signals(model: 0.96, neighbours: 0.0);

        var result = SafetyRuleFiles.Classifier.Decide(signals, Thresholds(modelAlone: 1.01));

        Assert.Equal(TriageRoute.Education, result.Route);
    }

    [Fact]
    public void Decide_ModelBelowItsOwnThreshold_LeavesTheBlendedScoreToDecide()
    {
        var signals = Signals(model: 0.85, neighbours: 0.0);

        var result = SafetyRuleFiles.Classifier.Decide(signals, Thresholds(modelAlone: 0.9));

        Assert.Equal(TriageRoute.Education, result.Route);
        Assert.DoesNotContain(result.Reasons, r => r.StartsWith("model.alone.crisis", StringComparison.Ordinal));
    }

    private static TriageSignals Signals(double model, double neighbours) => new(
        TriageResult.Education,
        new RouteScores(Routes, [model, 1 - model]),
        Context: null,
        Embedding: new float[384],
        MemoryVotes: new RouteScores(Routes, [neighbours, 1 - neighbours]));

    private static TriageModelFile Thresholds(double modelAlone) => new()
    {
        Labels = ["crisis", "education"],
        MemoryWeight = 0.5,
        CrisisThreshold = 0.5,
        ModelCrisisThreshold = modelAlone,
        ExcludedCrisisThreshold = 0.9,
        PartCrisisThreshold = 1.01,
        ContextCrisisThreshold = 1.01,
        RouteThreshold = 0.5,
    };
}

namespace ClinicBot.Safety.Rules;

/// <summary>
/// Any file of <c>prompts/safety</c>. A file is one of: a route's rules (<see cref="Route"/> + <see cref="Rules"/>),
/// the precedence list, exclusions, normalisation tables, or output-guard rules.
/// </summary>
internal sealed class RuleFileModel
{
    public string? Route { get; set; }

    public string? Response { get; set; }

    public List<RuleModel>? Rules { get; set; }

    public List<string>? Precedence { get; set; }

    public List<RuleModel>? Exclusions { get; set; }

    public NormalizationModel? Normalization { get; set; }

    public List<RuleModel>? OutputGuard { get; set; }

    /// <summary>The template each route replies with when the learned model, not a rule, chose it (triage.yaml).</summary>
    public Dictionary<string, string>? ModelResponses { get; set; }

    /// <summary>The crisis rules the learned model may set aside when it is all but sure there is no crisis (triage.yaml).</summary>
    public List<string>? ModelMayOverruleCrisis { get; set; }
}

namespace ClinicBot.Safety.Rules;

/// <summary>The normalisation tables of <c>normalization.yaml</c>.</summary>
internal sealed class NormalizationModel
{
    public Dictionary<string, string>? Shorthand { get; set; }

    public Dictionary<string, string>? Leetspeak { get; set; }

    public Dictionary<string, string>? Emoji { get; set; }
}

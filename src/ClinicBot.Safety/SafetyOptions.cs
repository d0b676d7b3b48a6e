namespace ClinicBot.Safety;

/// <summary>Where the safety rules live. Bound once in <see cref="SafetyServiceCollectionExtensions.AddSafety"/>.</summary>
public sealed class SafetyOptions
{
    /// <summary>
    /// The directory of safety rule files (<c>prompts/safety</c>: triage routes, exclusions, normalisation, output guard).
    /// Default: <c>prompts/safety</c>, resolved against the process's current directory.
    /// </summary>
    public string RulesDirectory { get; set; } = Path.Combine("prompts", "safety");
}

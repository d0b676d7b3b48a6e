namespace ClinicBot.Prompts;

/// <summary>Where the clinician-editable text lives, bound from the <c>Prompts</c> configuration section.</summary>
public sealed class PromptsOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Prompts";

    /// <summary>The prompts folder (templates, safety rules, LLM prompts). Default <c>prompts</c>, found as <see cref="ContentPaths"/> says.</summary>
    public string Path { get; set; } = "prompts";

    /// <summary>The resolved absolute folder.</summary>
    public string ResolvedPath => ContentPaths.Resolve(Path);
}

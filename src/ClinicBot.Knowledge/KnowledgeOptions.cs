using ClinicBot.Prompts;

namespace ClinicBot.Knowledge;

/// <summary>Where the clinic's articles live, bound from the <c>Knowledge</c> configuration section.</summary>
public sealed class KnowledgeOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Knowledge";

    /// <summary>The folder of Markdown articles. Default <c>knowledge</c>, found as <see cref="ContentPaths"/> says.</summary>
    public string ArticlesPath { get; set; } = "knowledge";

    /// <summary>The lay-synonym file. Default <c>knowledge/synonyms.yaml</c>.</summary>
    public string LexiconPath { get; set; } = Path.Combine("knowledge", "synonyms.yaml");
}

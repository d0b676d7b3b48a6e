namespace ClinicBot.Knowledge.Search;

/// <summary>A question reduced to what it asks about.</summary>
/// <param name="Text">The question as the patient typed it.</param>
/// <param name="EnglishTokens">Folded tokens after Spanish and shorthand rewriting and spelling correction.</param>
/// <param name="Concepts">The topics asked about, stopwords removed.</param>
public sealed record QueryAnalysis(string Text, IReadOnlyList<string> EnglishTokens, IReadOnlyList<QueryConcept> Concepts)
{
    /// <summary>The sum of all concept weights: the denominator of coverage.</summary>
    public double TotalWeight { get; } = Concepts.Sum(c => c.Weight);

    /// <summary>Every token's stem, stopwords included, for comparing the question with section headings.</summary>
    public HashSet<string> Stems { get; } = EnglishTokens.Select(ClinicBot.Knowledge.Text.TextAnalyzer.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the question asks what something is ("what is...", "what's...", "¿qué es...?").</summary>
    public bool AsksForDefinition { get; } = EnglishTokens.Count >= 2
        && ((EnglishTokens[0] == "what" && EnglishTokens[1] is "is" or "are") || EnglishTokens[0] == "whats");

    /// <summary>The tokens joined by spaces, for phrase rules.</summary>
    public string EnglishText { get; } = string.Join(' ', EnglishTokens);
}

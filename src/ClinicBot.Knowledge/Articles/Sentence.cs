namespace ClinicBot.Knowledge.Articles;

/// <summary>A sentence exactly as the article has it, with its stems for matching.</summary>
/// <param name="Text">The sentence as written in the article.</param>
/// <param name="Stems">Every token stemmed, in order, stopwords included.</param>
/// <param name="PassageKey">The passage it belongs to.</param>
/// <param name="Index">Its position in the passage, from 0.</param>
public sealed record Sentence(string Text, string[] Stems, string PassageKey, int Index)
{
    /// <summary>The distinct stems, for fast membership tests.</summary>
    public HashSet<string> StemSet { get; } = new(Stems, StringComparer.Ordinal);

    /// <summary>The first word, folded ("this", "however"...), to tell a sentence that leans on the one before it.</summary>
    public string FirstWord { get; } = ClinicBot.Knowledge.Text.Tokenizer.Tokenize(ClinicBot.Knowledge.Text.TextNormalizer.Fold(Text)).FirstOrDefault() ?? "";
}

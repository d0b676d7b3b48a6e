namespace ClinicBot.Knowledge.Articles;

/// <summary>A paragraph of an article with the heading of the section it sits in.</summary>
/// <param name="Key">Unique across the knowledge base: the article id and the paragraph's ordinal.</param>
/// <param name="ArticleId">The article it comes from.</param>
/// <param name="Ordinal">Its position in the article, from 0.</param>
/// <param name="Heading">The section heading, or empty before the first heading.</param>
/// <param name="Text">The paragraph's plain text.</param>
/// <param name="Sentences">The paragraph's sentences, in order.</param>
public sealed record Passage(string Key, string ArticleId, int Ordinal, string Heading, string Text, IReadOnlyList<Sentence> Sentences)
{
    /// <summary>The heading's stems, stopwords included.</summary>
    public string[] HeadingStems { get; } = ClinicBot.Knowledge.Text.TextAnalyzer.Stems(Heading);

    /// <summary>The heading's distinct stems.</summary>
    public HashSet<string> HeadingStemSet { get; } = new(ClinicBot.Knowledge.Text.TextAnalyzer.Stems(Heading), StringComparer.Ordinal);
}

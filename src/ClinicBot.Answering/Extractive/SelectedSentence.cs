using ClinicBot.Knowledge.Articles;

namespace ClinicBot.Answering.Extractive;

/// <summary>A sentence chosen for the answer, with the articles that state it (the first is where it is quoted from).</summary>
internal sealed class SelectedSentence(Sentence sentence, string articleId, ulong concepts, ulong headingConcepts, bool defines)
{
    public Sentence Sentence { get; } = sentence;

    /// <summary>The text shown: the whole sentence, or a clause of it when SMS needs it shorter.</summary>
    public string Text { get; set; } = sentence.Text;

    public List<string> ArticleIds { get; } = [articleId];

    public ulong Concepts { get; } = concepts;

    public ulong HeadingConcepts { get; } = headingConcepts;

    public bool Defines { get; } = defines;
}

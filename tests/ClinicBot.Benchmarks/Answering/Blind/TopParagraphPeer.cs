using ClinicBot.Answering;
using ClinicBot.Knowledge.Articles;

namespace ClinicBot.Benchmarks.Answering.Blind;

/// <summary>
/// A peer that answers every question with one whole paragraph of the articles, citing its article. It never abstains;
/// only a question that finds no paragraph at all goes unanswered.
/// </summary>
internal abstract class TopParagraphPeer : IBlindAnswerer
{
    private const string Composer = "top-paragraph";

    public abstract string Name { get; }

    public ComposedAnswer Answer(BlindQuestion question) =>
        TopParagraph(question) is { } passage
            ? new ComposedAnswer(true, passage.Text, [passage.ArticleId], passage.Sentences.Select(s => new CitedSentence(s.Text, [passage.ArticleId])).ToList(), 1, Composer)
            : new ComposedAnswer(false, "", [], [], 0, Composer, "no_match");

    /// <summary>The paragraph this peer ranks first for the question, or null when it finds none.</summary>
    protected abstract Passage? TopParagraph(BlindQuestion question);
}

using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Articles;

namespace ClinicBot.Benchmarks.Answering.Blind;

/// <summary>
/// The dense peer: the passage of the article sentence nearest the message's vector (so the passage with the highest
/// maximum sentence similarity), its whole paragraph as the answer.
/// </summary>
internal sealed class DenseTopParagraphPeer(KnowledgeBase knowledge) : TopParagraphPeer
{
    public override string Name => "dense peer";

    protected override Passage? TopParagraph(BlindQuestion question) =>
        knowledge.Vectors.Nearest(question.Vector, 1) is [var (sentence, _), ..] ? knowledge.GetPassage(sentence.PassageKey) : null;
}

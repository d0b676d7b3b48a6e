using ClinicBot.Answering.Retrieval;
using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Search;

namespace ClinicBot.Benchmarks.Answering.Blind;

/// <summary>
/// The lexical peer: the passage FTS5 BM25 ranks first for the message's analysed terms (read as ClinicBot reads a
/// message on its own: Spanish through the gloss, synonyms, spelling), its whole paragraph as the answer.
/// </summary>
internal sealed class Bm25TopParagraphPeer(QuestionReader reader, PassageSearcher searcher) : TopParagraphPeer
{
    public override string Name => "bm25 peer";

    protected override Passage? TopParagraph(BlindQuestion question) =>
        searcher.Search(reader.Read(question.Message).Analysis, 1) is [var (passage, _), ..] ? passage : null;
}

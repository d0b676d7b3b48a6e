using ClinicBot.Answering.Citations;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Text;

namespace ClinicBot.Answering.Extractive;

/// <summary>
/// Chooses the sentences that answer a question: the best one, then others that add a concept the answer
/// does not mention yet, within a sentence and character budget. A sentence that opens with "It" or "This"
/// brings the sentence it refers back to; one followed by "This effect..." brings that too.
/// A sentence that repeats a chosen claim is not repeated: its article is cited on the chosen one.
/// </summary>
internal sealed class SentenceSelector(KnowledgeBase knowledge, ClaimSimilarity similarity, AnsweringOptions options)
{
    private const double MinimumConceptGain = 0.1;
    private const double NearBestScore = 0.9;
    private const int MaxParagraphFollowers = 2;
    private const int MaxDefinitions = 2;

    private static readonly HashSet<string> BackReferences = new(StringComparer.Ordinal)
    {
        "this", "these", "that", "those", "it", "its", "they", "their", "such", "however",
    };

    public List<SelectedSentence> Select(
        IReadOnlyList<CandidateSentence> candidates, Func<ulong, double> weigh, int maxSentences, int maxCharacters, ISentenceFilter filter)
    {
        var selected = new List<SelectedSentence>();
        var covered = 0UL;
        var characters = 0;
        double? bestScore = null;
        foreach (var candidate in candidates)
        {
            if (!filter.Allows(candidate.Sentence.Text) || selected.Any(s => ReferenceEquals(s.Sentence, candidate.Sentence))) continue;
            bestScore ??= Worth(candidate);

            var sameClaim = selected.FirstOrDefault(s => similarity.AreSameClaim(s.Sentence, candidate.Sentence));
            if (sameClaim is not null)
            {
                AddCitation(sameClaim, candidate.ArticleId);
                continue;
            }

            if (selected.Count > 0 && !IsWorthAdding(candidate, weigh(candidate.Concepts & ~covered), bestScore.Value, selected)) continue;

            var group = WithContext(candidate, selected, filter);
            if (!Fits(group) && selected.Count == 0 && !OpensWithBackReference(candidate.Sentence))
            {
                // Rather than skip the best sentence, quote it without context, or only its leading clauses.
                var alone = new SelectedSentence(candidate.Sentence, candidate.ArticleId, candidate.Concepts, candidate.HeadingConcepts, candidate.Defines);
                alone.Text = ClauseTrimmer.Trim(alone.Text, maxCharacters - characters - 1) ?? alone.Text;
                group = [alone];
            }

            if (!Fits(group)) continue;
            selected.AddRange(group);
            characters += group.Sum(s => s.Text.Length + 1);
            covered |= candidate.Concepts;
            if (selected.Count == group.Count)
            {
                // The best sentence's paragraph usually goes on to explain it: keep reading while it stays on topic.
                foreach (var next in FollowingOnTopic(group[^1].Sentence, candidates, filter, selected, bestScore.Value).Take(MaxParagraphFollowers))
                {
                    if (!Fits([next])) break;
                    selected.Add(next);
                    characters += next.Text.Length + 1;
                    covered |= next.Concepts;
                }
            }

            if (selected.Count >= maxSentences) break;
        }

        CiteRepeatedClaims(selected, candidates);
        return selected;

        bool Fits(List<SelectedSentence> group) =>
            selected.Count + group.Count <= maxSentences && characters + group.Sum(s => s.Text.Length + 1) <= maxCharacters;
    }

    // A further sentence must be nearly as relevant as the best, add a concept worth a real share of the question,
    // or, for "what is" questions, give a second definition.
    // How much a sentence is worth beside the best: its learned relevance when there is one (the fused ranking score
    // only orders), else its lexical score.
    private static double Worth(CandidateSentence candidate) => candidate.Relevance > 0 ? candidate.Relevance : candidate.Score;

    private bool IsWorthAdding(CandidateSentence candidate, double gain, double bestScore, List<SelectedSentence> selected) =>
        gain >= MinimumConceptGain
        || Worth(candidate) >= options.RelativeSentenceScore * bestScore
        || (candidate.Defines && selected.Count(s => s.Defines) < MaxDefinitions);

    // The paragraph's next sentences while they stay on topic: each refers back ("This effect..."), mentions one of the
    // question's concepts, or is itself relevant enough; a turn to another subject ("Moreover, the cost...") ends it.
    private IEnumerable<SelectedSentence> FollowingOnTopic(
        Sentence last, IReadOnlyList<CandidateSentence> candidates, ISentenceFilter filter, List<SelectedSentence> selected, double bestScore)
    {
        var passage = knowledge.GetPassage(last.PassageKey);
        for (var i = last.Index + 1; i < passage.Sentences.Count; i++)
        {
            var sentence = passage.Sentences[i];
            var scored = candidates.FirstOrDefault(c => ReferenceEquals(c.Sentence, sentence));
            if (scored is null || !IsUsable(sentence, selected, filter)) yield break;
            if (!OpensWithBackReference(sentence) && scored.Concepts == 0 && Worth(scored) < options.RelativeSentenceScore * bestScore) yield break;
            yield return new SelectedSentence(sentence, passage.ArticleId, scored.Concepts, scored.HeadingConcepts, scored.Defines);
        }
    }

    private List<SelectedSentence> WithContext(CandidateSentence candidate, List<SelectedSentence> selected, ISentenceFilter filter)
    {
        var sentences = candidate.Passage.Sentences;
        var index = candidate.Sentence.Index;
        var group = new List<SelectedSentence>();
        if (index > 0 && OpensWithBackReference(candidate.Sentence) && IsUsable(sentences[index - 1], selected, filter))
        {
            group.Add(new SelectedSentence(sentences[index - 1], candidate.ArticleId, 0, 0, false));
        }

        group.Add(new SelectedSentence(candidate.Sentence, candidate.ArticleId, candidate.Concepts, candidate.HeadingConcepts, candidate.Defines));
        if (index + 1 < sentences.Count && OpensWithBackReference(sentences[index + 1]) && IsUsable(sentences[index + 1], selected, filter))
        {
            group.Add(new SelectedSentence(sentences[index + 1], candidate.ArticleId, 0, 0, false));
        }

        return group;
    }

    private static bool IsUsable(Sentence sentence, List<SelectedSentence> selected, ISentenceFilter filter) =>
        filter.Allows(sentence.Text) && selected.All(s => !ReferenceEquals(s.Sentence, sentence));

    private static bool OpensWithBackReference(Sentence sentence) => BackReferences.Contains(sentence.FirstWord);

    // "Say it once and cite them all": other articles' sentences that make a chosen claim add their citation.
    private void CiteRepeatedClaims(List<SelectedSentence> selected, IReadOnlyList<CandidateSentence> candidates)
    {
        foreach (var chosen in selected)
        {
            foreach (var other in candidates)
            {
                if (!chosen.ArticleIds.Contains(other.ArticleId) && similarity.AreSameClaim(chosen.Sentence, other.Sentence))
                {
                    AddCitation(chosen, other.ArticleId);
                }
            }
        }
    }

    private void AddCitation(SelectedSentence sentence, string articleId)
    {
        if (!sentence.ArticleIds.Contains(articleId) && knowledge.FindArticle(articleId) is not null) sentence.ArticleIds.Add(articleId);
    }
}

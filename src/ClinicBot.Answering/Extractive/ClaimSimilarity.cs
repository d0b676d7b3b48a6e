using System.Collections.Concurrent;
using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Search;

namespace ClinicBot.Answering.Extractive;

/// <summary>
/// Decides whether two article sentences make the same claim, so the answer says it once and cites every article.
/// Two measures, either enough: the overlap of their content stems relative to the shorter sentence (same wording),
/// or the cosine similarity of their vectors (same meaning in other words: "45 minutes to an hour" and "40 to 60 minutes").
/// </summary>
internal sealed class ClaimSimilarity(IReadOnlySet<string> stopStems, SentenceVectors vectors)
{
    // Articles change only at start-up, so each sentence's content stems are worked out once.
    private readonly ConcurrentDictionary<Sentence, HashSet<string>> _contentStems = new(ReferenceEqualityComparer.Instance);

    private const double SameClaimOverlap = 0.6;
    private const int MinimumSharedStems = 4;

    // Chosen by reading the article pairs at and around it: above it, pairs restate one claim; below, they add to it.
    private const float SameClaimCosine = 0.8f;

    public bool AreSameClaim(Sentence a, Sentence b)
    {
        if (ReferenceEquals(a, b) || a.PassageKey == b.PassageKey) return false;
        if (vectors.Similarity(a, b) >= SameClaimCosine) return true;
        var contentA = ContentStems(a);
        var contentB = ContentStems(b);
        if (contentA.Count == 0 || contentB.Count == 0) return false;

        var shared = contentA.Count(contentB.Contains);
        return shared >= MinimumSharedStems && shared >= SameClaimOverlap * Math.Min(contentA.Count, contentB.Count);
    }

    private HashSet<string> ContentStems(Sentence sentence) =>
        _contentStems.GetOrAdd(sentence, s => s.StemSet.Where(stem => !stopStems.Contains(stem)).ToHashSet(StringComparer.Ordinal));
}

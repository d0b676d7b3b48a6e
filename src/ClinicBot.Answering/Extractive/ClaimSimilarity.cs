using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Search;

namespace ClinicBot.Answering.Extractive;

/// <summary>
/// Decides whether two article sentences make the same claim, so the answer says it once and cites every article.
/// Same wording: their content stems overlap for most of the shorter sentence. Same meaning in other words: their
/// vectors are close and they also share some wording, or give the same kind of measure ("45 minutes to an hour" and
/// "40 to 60 minutes"). Closeness of vectors alone is not enough: the articles' many sentences on "promise in treating
/// mental health conditions" sit close together while naming different conditions.
/// </summary>
internal sealed partial class ClaimSimilarity(IReadOnlySet<string> stopStems, SentenceVectors vectors)
{
    // Articles change only at start-up, so each sentence's content stems and measures are worked out once.
    private readonly ConcurrentDictionary<Sentence, HashSet<string>> _contentStems = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Sentence, HashSet<string>> _units = new(ReferenceEqualityComparer.Instance);

    private const double SameClaimOverlap = 0.6;
    private const int MinimumSharedStems = 4;

    // Chosen by reading the cross-article pairs of the articles at and around them (MiniLM cosine).
    private const float CloseMeaning = 0.8f;
    private const double CloseMeaningOverlap = 0.4;

    public bool AreSameClaim(Sentence a, Sentence b)
    {
        if (ReferenceEquals(a, b) || a.PassageKey == b.PassageKey) return false;
        var contentA = ContentStems(a);
        var contentB = ContentStems(b);
        if (contentA.Count == 0 || contentB.Count == 0) return false;

        var shared = contentA.Count(contentB.Contains);
        var overlap = (double)shared / Math.Min(contentA.Count, contentB.Count);
        if (shared >= MinimumSharedStems && overlap >= SameClaimOverlap) return true;
        if (vectors.Similarity(a, b) < CloseMeaning) return false;
        return overlap >= CloseMeaningOverlap || Units(a).Overlaps(Units(b));
    }

    private HashSet<string> ContentStems(Sentence sentence) =>
        _contentStems.GetOrAdd(sentence, s => s.StemSet.Where(stem => !stopStems.Contains(stem)).ToHashSet(StringComparer.Ordinal));

    // The units a sentence gives a number in: "40 to 60 minutes", "an hour", "six infusions".
    private HashSet<string> Units(Sentence sentence) =>
        _units.GetOrAdd(sentence, s => Measure().Matches(s.Text.ToLowerInvariant()).Select(m => m.Groups["unit"].Value.TrimEnd('s')).ToHashSet(StringComparer.Ordinal));

    [GeneratedRegex(@"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?<unit>minutes?|hours?|days?|weeks?|months?|years?|sessions?|infusions?|treatments?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Measure();
}

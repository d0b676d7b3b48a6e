using ClinicBot.Knowledge.Articles;

namespace ClinicBot.Answering.Extractive;

/// <summary>
/// Decides whether two article sentences make the same claim, so the answer says it once and cites every article.
/// Measured as the overlap of their content stems relative to the shorter sentence.
/// </summary>
internal sealed class ClaimSimilarity(IReadOnlySet<string> stopStems)
{
    private const double SameClaimOverlap = 0.6;
    private const int MinimumSharedStems = 4;

    public bool AreSameClaim(Sentence a, Sentence b)
    {
        var contentA = a.StemSet.Where(s => !stopStems.Contains(s)).ToHashSet(StringComparer.Ordinal);
        var contentB = b.StemSet.Where(s => !stopStems.Contains(s)).ToHashSet(StringComparer.Ordinal);
        if (contentA.Count == 0 || contentB.Count == 0) return false;

        var shared = contentA.Count(contentB.Contains);
        return shared >= MinimumSharedStems && shared >= SameClaimOverlap * Math.Min(contentA.Count, contentB.Count);
    }
}

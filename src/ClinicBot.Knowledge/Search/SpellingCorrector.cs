using System.Collections.Concurrent;

namespace ClinicBot.Knowledge.Search;

/// <summary>
/// Corrects a misspelt word ("ketamin", "infussion", "dissasociation") to the closest word of the articles or lexicon.
/// Conservative so a real word the articles lack is not forced onto one they have: the first letter must match,
/// words under five letters are left alone, and the distance allowed is 1, or 2 from eight letters on.
/// </summary>
internal sealed class SpellingCorrector
{
    private const int MinimumLength = 5;
    private const int MaxCacheEntries = 10_000;

    private readonly Dictionary<char, List<(string Word, int Frequency)>> _byFirstLetter;
    private readonly ConcurrentDictionary<string, string?> _cache = new(StringComparer.Ordinal);

    public SpellingCorrector(IReadOnlyDictionary<string, int> vocabulary)
    {
        _byFirstLetter = vocabulary
            .Where(v => v.Key.Length >= MinimumLength - 1)
            .GroupBy(v => v.Key[0])
            .ToDictionary(g => g.Key, g => g.Select(v => (v.Key, v.Value)).ToList());
    }

    /// <summary>The corrected word, or null when the word is too short or nothing is close enough.</summary>
    public string? Correct(string word)
    {
        if (word.Length < MinimumLength || !char.IsLetter(word[0])) return null;
        if (_cache.TryGetValue(word, out var cached)) return cached;

        var corrected = FindClosest(word);
        if (_cache.Count < MaxCacheEntries) _cache[word] = corrected;
        return corrected;
    }

    private string? FindClosest(string word)
    {
        if (!_byFirstLetter.TryGetValue(word[0], out var candidates)) return null;

        var maxDistance = word.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        foreach (var (candidate, frequency) in candidates)
        {
            if (Math.Abs(candidate.Length - word.Length) > maxDistance) continue;
            var distance = EditDistance.DamerauLevenshtein(word, candidate, maxDistance);
            if (distance > maxDistance) continue;
            if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
            {
                (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
            }
        }

        return best;
    }
}

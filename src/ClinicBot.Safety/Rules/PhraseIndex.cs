namespace ClinicBot.Safety.Rules;

/// <summary>
/// Finds every rule phrase in a message in one pass over its words, keyed by each phrase's first word.
/// Hundreds of phrases cost about as much as a dictionary lookup per word, where one regular expression
/// alternation per rule costs microseconds each; this is what keeps triage well under its 100 µs budget.
/// </summary>
internal sealed class PhraseIndex
{
    private readonly Dictionary<string, List<(string[] Words, int Slot)>> _byFirstWord = new(StringComparer.Ordinal);

    /// <summary>How many phrase lists were added; each owns one slot in the hit array.</summary>
    public int SlotCount { get; private set; }

    /// <summary>Registers one list of normalised phrases under a new slot and returns it.</summary>
    public int Add(IEnumerable<string> normalizedPhrases)
    {
        var slot = SlotCount++;
        foreach (var phrase in normalizedPhrases)
        {
            var words = phrase.Split(' ');
            if (!_byFirstWord.TryGetValue(words[0], out var entries)) _byFirstWord[words[0]] = entries = [];
            entries.Add((words, slot));
        }

        return slot;
    }

    /// <summary>Sets <c>hits[slot]</c> for every slot with a phrase that occurs, as whole words, in <paramref name="words"/>.</summary>
    public void Mark(string[] words, Span<bool> hits)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (!_byFirstWord.TryGetValue(words[i], out var entries)) continue;
            foreach (var (phrase, slot) in entries)
            {
                if (!hits[slot] && Follows(words, i, phrase)) hits[slot] = true;
            }
        }
    }

    private static bool Follows(string[] words, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Length) return false;
        for (var j = 1; j < phrase.Length; j++)
        {
            if (!string.Equals(words[start + j], phrase[j], StringComparison.Ordinal)) return false;
        }

        return true;
    }
}

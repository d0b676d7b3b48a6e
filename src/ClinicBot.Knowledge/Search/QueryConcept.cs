namespace ClinicBot.Knowledge.Search;

/// <summary>
/// One thing a question asks about, with the stem sequences that count as mentioning it
/// (the patient's word and its synonyms) and its weight (inverse document frequency).
/// </summary>
/// <param name="Label">The word or phrase as the patient used it (after rewriting and spelling correction).</param>
/// <param name="Alternatives">Stem sequences; a sentence mentions the concept if it contains any of them.</param>
/// <param name="Weight">How informative the concept is: rare in the articles is high, absent is highest.</param>
/// <param name="PassageCount">How many passages mention it; 0 means the articles never do.</param>
public sealed record QueryConcept(string Label, IReadOnlyList<string[]> Alternatives, double Weight, int PassageCount)
{
    /// <summary>Whether a stem sequence mentions this concept.</summary>
    public bool IsMentionedIn(string[] stems, IReadOnlySet<string> stemSet)
    {
        foreach (var alternative in Alternatives)
        {
            if (alternative.Length == 1 ? stemSet.Contains(alternative[0]) : ContainsSequence(stems, alternative)) return true;
        }

        return false;
    }

    private static bool ContainsSequence(string[] stems, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= stems.Length; i++)
        {
            var j = 0;
            while (j < phrase.Length && stems[i + j] == phrase[j]) j++;
            if (j == phrase.Length) return true;
        }

        return false;
    }
}

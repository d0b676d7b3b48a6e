namespace ClinicBot.Knowledge.Lexicon;

/// <summary>
/// What patients type, mapped onto what the articles say: synonym groups, Spanish key terms, SMS shorthand
/// and stopwords. Loaded from <c>knowledge/synonyms.yaml</c>, which a clinician can edit.
/// Every entry is stored folded (lowercase, no accents) as token sequences.
/// </summary>
public sealed class Lexicon
{
    internal Lexicon(
        IReadOnlyList<IReadOnlyList<string[]>> synonymGroups,
        IReadOnlyDictionary<string, string[]> rewrites,
        IReadOnlySet<string> stopwords,
        IReadOnlySet<string> hedges)
    {
        Hedges = hedges;
        SynonymGroups = synonymGroups;
        Rewrites = rewrites;
        Stopwords = stopwords;
        MaxRewriteLength = rewrites.Keys.Select(k => k.Split(' ').Length).DefaultIfEmpty(1).Max();
    }

    /// <summary>Groups of interchangeable words or phrases, each phrase as its folded tokens.</summary>
    public IReadOnlyList<IReadOnlyList<string[]>> SynonymGroups { get; }

    /// <summary>Spanish terms and SMS shorthand, keyed by their folded tokens joined with a space, mapped to English tokens.</summary>
    public IReadOnlyDictionary<string, string[]> Rewrites { get; }

    /// <summary>Longest rewrite key, in tokens.</summary>
    public int MaxRewriteLength { get; }

    /// <summary>Words dropped before phrase matching ("actually", "really"), folded.</summary>
    public IReadOnlySet<string> Hedges { get; }

    /// <summary>Words that carry no topic in a question (English and Spanish), folded.</summary>
    public IReadOnlySet<string> Stopwords { get; }
}

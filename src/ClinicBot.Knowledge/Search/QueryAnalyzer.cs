using ClinicBot.Knowledge.Text;

namespace ClinicBot.Knowledge.Search;

/// <summary>
/// Reduces a patient's question to weighted concepts: Spanish key terms and SMS shorthand are rewritten to the
/// articles' English, misspellings are corrected, lay synonyms are grouped, and stopwords are dropped.
/// </summary>
public sealed class QueryAnalyzer
{
    private readonly KnowledgeBase _knowledge;
    private readonly Lexicon.Lexicon _lexicon;
    private readonly SpellingCorrector _spelling;
    private readonly HashSet<string> _knownWords;
    private readonly List<string[][]> _synonymStems;

    /// <summary>Prepares the lexicon's synonym groups and the spelling vocabulary.</summary>
    public QueryAnalyzer(KnowledgeBase knowledge, Lexicon.Lexicon lexicon)
    {
        _knowledge = knowledge;
        _lexicon = lexicon;
        _synonymStems = lexicon.SynonymGroups
            .Select(group => group.Select(phrase => phrase.Select(TextAnalyzer.Stem).ToArray()).ToArray())
            .ToList();

        var lexiconWords = lexicon.SynonymGroups.SelectMany(g => g).SelectMany(p => p)
            .Concat(lexicon.Rewrites.Values.SelectMany(v => v));
        _knownWords = knowledge.Vocabulary.Keys.Concat(lexiconWords).Concat(lexicon.Stopwords).ToHashSet(StringComparer.Ordinal);

        var spellingVocabulary = knowledge.Vocabulary
            .Where(v => !lexicon.Stopwords.Contains(v.Key))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        foreach (var word in lexiconWords) spellingVocabulary.TryAdd(word, 1);
        _spelling = new SpellingCorrector(spellingVocabulary);
    }

    /// <summary>Analyses a question.</summary>
    public QueryAnalysis Analyze(string question)
    {
        var tokens = Correct(Rewrite(Tokenizer.Tokenize(TextNormalizer.Fold(question))))
            .Where(t => !_lexicon.Hedges.Contains(t))
            .ToList();
        return new QueryAnalysis(question, tokens, Concepts(tokens));
    }

    private List<string> Rewrite(List<string> tokens)
    {
        var output = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count;)
        {
            var matched = false;
            for (var length = Math.Min(_lexicon.MaxRewriteLength, tokens.Count - i); length >= 1 && !matched; length--)
            {
                var key = length == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(length));
                if (!_lexicon.Rewrites.TryGetValue(key, out var replacement)) continue;
                output.AddRange(replacement);
                i += length;
                matched = true;
            }

            if (!matched) output.Add(tokens[i++]);
        }

        return output;
    }

    private List<string> Correct(List<string> tokens) =>
        tokens.Select(t => _knownWords.Contains(t) ? t : _spelling.Correct(t) ?? t).ToList();

    private List<QueryConcept> Concepts(List<string> tokens)
    {
        var stems = tokens.Select(TextAnalyzer.Stem).ToArray();
        var concepts = new List<QueryConcept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count;)
        {
            var (group, length) = LongestSynonymAt(stems, i);
            if (group is not null)
            {
                var label = string.Join(' ', tokens.Skip(i).Take(length));
                if (seen.Add("group:" + _synonymStems.IndexOf(group))) concepts.Add(Weigh(label, group));
                i += length;
                continue;
            }

            if (!_lexicon.Stopwords.Contains(tokens[i]) && tokens[i].Length > 1 && seen.Add(stems[i]))
            {
                concepts.Add(Weigh(tokens[i], [[stems[i]]]));
            }

            i++;
        }

        return concepts;
    }

    private (string[][]? Group, int Length) LongestSynonymAt(string[] stems, int start)
    {
        string[][]? best = null;
        var bestLength = 0;
        foreach (var group in _synonymStems)
        {
            foreach (var phrase in group)
            {
                if (phrase.Length <= bestLength || start + phrase.Length > stems.Length) continue;
                var j = 0;
                while (j < phrase.Length && stems[start + j] == phrase[j]) j++;
                if (j == phrase.Length) (best, bestLength) = (group, phrase.Length);
            }
        }

        return (best, bestLength);
    }

    private QueryConcept Weigh(string label, IReadOnlyList<string[]> alternatives)
    {
        var passages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alternative in alternatives)
        {
            IEnumerable<string> containing = _knowledge.PassagesWith(alternative[0]);
            foreach (var stem in alternative.Skip(1)) containing = containing.Intersect(_knowledge.PassagesWith(stem));
            passages.UnionWith(containing);
        }

        // Inverse document frequency with a floor of half a passage, so a word no article uses weighs the most.
        var weight = Math.Log((_knowledge.PassageCount + 1.0) / (passages.Count + 0.5));
        return new QueryConcept(label, alternatives, weight, passages.Count);
    }
}

using ClinicBot.Knowledge.Search;
using ClinicBot.Knowledge.Text;
using ClinicBot.Prompts;

namespace ClinicBot.Answering.Generative;

/// <summary>
/// Checks one generated sentence against the passages it cites. The rule, in order (the first failure names the verdict):
/// <list type="number">
/// <item>It carries at least one citation marker, and every marker numbers a passage that was sent.</item>
/// <item>It has content: its words less stopwords (<c>knowledge/synonyms.yaml</c>) and numbers. Non-English sentences
/// are first read the way questions are (Spanish key terms rewritten to the articles' English, near-spellings such
/// as "depresión" corrected to the articles' "depression").</item>
/// <item>Support: at least <see cref="GenerativeOptions.MinimumSupport"/> of its distinct content stems occur in the
/// cited passages (their sentences and section headings).</item>
/// <item>Numbers: every number in it, in digits or words ("forty"), occurs in the cited passages.</item>
/// <item>Negation: it has a negation cue (<c>prompts/llm/verification.yaml</c>) exactly when the cited passage
/// sentence that shares most content stems with it has one, so "is not addictive" cannot become "is addictive".</item>
/// </list>
/// A lexical check cannot prove entailment; it bounds what a model can add. A rephrasing keeps the articles' key
/// words and numbers, an invented claim brings words or numbers the passage lacks, and a denied claim flips a cue.
/// </summary>
internal sealed class SentenceVerifier(QueryAnalyzer analyzer, IReadOnlySet<string> stopwords, IReadOnlySet<string> stopStems, VerificationRules rules, double minimumSupport)
{
    public SentenceVerdict Verify(DraftSentence sentence, IReadOnlyList<PromptPassage> passages, string locale)
    {
        if (sentence.Markers.Count == 0) return SentenceVerdict.Uncited;
        if (sentence.Markers.Any(m => m < 1 || m > passages.Count)) return SentenceVerdict.UnknownMarker;
        var cited = sentence.Markers.Select(m => passages[m - 1].Passage).ToList();

        var words = Tokenizer.Tokenize(TextNormalizer.Fold(sentence.Text));
        var readAs = locale == Locales.English ? words : analyzer.Analyze(sentence.Text).EnglishTokens;
        var content = ContentStems(readAs);
        if (content.Count == 0) return SentenceVerdict.NoContent;

        var passageStems = cited.SelectMany(p => p.Sentences.SelectMany(s => s.Stems).Concat(p.HeadingStems)).ToHashSet(StringComparer.Ordinal);
        var supported = content.Count(passageStems.Contains);
        if (supported < minimumSupport * content.Count) return SentenceVerdict.LowSupport;

        var passageNumbers = cited.SelectMany(p => Numbers(Tokenizer.Tokenize(TextNormalizer.Fold(p.Heading + " " + p.Text)))).ToHashSet(StringComparer.Ordinal);
        if (Numbers(words).Any(n => !passageNumbers.Contains(n))) return SentenceVerdict.NumberMissing;

        // The closest source sentence: the highest Jaccard overlap of content stems, so a sentence quoted word for
        // word is its own closest source.
        var closest = cited.SelectMany(p => p.Sentences).MaxBy(s =>
        {
            var other = ContentStems(s.Stems.Length == 0 ? [] : Tokenizer.Tokenize(TextNormalizer.Fold(s.Text)));
            var shared = content.Count(other.Contains);
            return (double)shared / (content.Count + other.Count - shared);
        })!;
        if (IsNegated(words) != IsNegated(Tokenizer.Tokenize(TextNormalizer.Fold(closest.Text)))) return SentenceVerdict.NegationFlip;

        return SentenceVerdict.Supported;
    }

    private HashSet<string> ContentStems(IEnumerable<string> words) => words
        .Where(w => w.Length > 1 && !stopwords.Contains(w) && !IsNumber(w) && !rules.Negations.Contains(w))
        .Select(TextAnalyzer.Stem)
        .Where(stem => !stopStems.Contains(stem))
        .ToHashSet(StringComparer.Ordinal);

    private IEnumerable<string> Numbers(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (word.All(char.IsAsciiDigit)) yield return word.TrimStart('0') is { Length: > 0 } digits ? digits : "0";
            else if (rules.NumberWords.TryGetValue(word, out var value)) yield return value;
        }
    }

    private bool IsNumber(string word) => word.All(char.IsAsciiDigit) || rules.NumberWords.ContainsKey(word);

    private bool IsNegated(IEnumerable<string> words) => words.Any(rules.Negations.Contains);
}

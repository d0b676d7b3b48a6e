namespace ClinicBot.Knowledge.Text;

/// <summary>
/// Splits a paragraph into sentences at ., ! or ? followed by a space and an upper-case letter, a quote or a digit.
/// Conservative on purpose: a missed split only makes a longer quotable sentence, a wrong split would cut one in half.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "etc", "u.s", "no", "approx", "inc",
    };

    /// <summary>The trimmed sentences of a paragraph, in order.</summary>
    public static List<string> Split(string paragraph)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is not ('.' or '!' or '?')) continue;

            var end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '"' or '\'' or '\u201D' or '\u2019' or ')') end++;
            if (end >= paragraph.Length || !char.IsWhiteSpace(paragraph[end])) continue;

            var next = end;
            while (next < paragraph.Length && char.IsWhiteSpace(paragraph[next])) next++;
            if (next >= paragraph.Length) break;
            if (!StartsSentence(paragraph[next]) || EndsWithAbbreviation(paragraph, start, i)) continue;

            Add(sentences, paragraph[start..end]);
            start = next;
            i = next - 1;
        }

        Add(sentences, paragraph[start..]);
        return sentences;
    }

    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\u201C' or '\'' or '\u2018' or '(';

    private static bool EndsWithAbbreviation(string text, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1])) wordStart--;
        return Abbreviations.Contains(text[wordStart..dot]);
    }

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0) sentences.Add(trimmed);
    }
}

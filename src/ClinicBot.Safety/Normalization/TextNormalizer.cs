using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ClinicBot.Safety.Normalization;

/// <summary>
/// Turns a message (or a rule phrase) into the one form every rule is matched against, so a rule written once
/// also catches "K1LL MYS3LF", "kil myself", "cant breath", "gona end it 2nite" and "me corté":
/// lower case, no accents, no apostrophes, emoji as words, shorthand and contractions expanded (from
/// <c>normalization.yaml</c>), leetspeak digits inside words turned back into letters, numbers split from units
/// ("20mg" → "20 mg"), sentence ends as " . ", question marks as " ? ", and every run of a repeated letter written once
/// ("sooo" → "so", and also "kill" → "kil"), which makes doubled-letter misspellings match too.
/// </summary>
internal sealed class TextNormalizer
{
    private readonly FrozenDictionary<string, string> _shorthand;
    private readonly FrozenDictionary<char, char> _leetspeak;
    private readonly FrozenDictionary<int, string> _emoji;

    public TextNormalizer(
        IReadOnlyDictionary<string, string> shorthand,
        IReadOnlyDictionary<char, char> leetspeak,
        IReadOnlyDictionary<int, string> emoji)
    {
        _leetspeak = leetspeak.ToFrozenDictionary();
        _emoji = emoji.ToFrozenDictionary();

        // Keys are looked up after the first passes (lower case, accents, apostrophes, letter runs of three or more),
        // so the table is keyed the same way whatever its author typed.
        var keyed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in shorthand)
        {
            keyed[CollapseLongRuns(Symbols(key).Trim())] = Symbols(value).Trim();
        }

        _shorthand = keyed.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string Normalize(string text)
    {
        var spaced = Symbols(text);
        var output = new StringBuilder(spaced.Length + 16);
        foreach (var range in spaced.AsSpan().Split(' '))
        {
            var token = spaced[range];
            if (token.Length == 0) continue;
            AppendWords(output, Token(token));
        }

        return CollapseAllRuns(output.ToString());
    }

    /// <summary>
    /// Prepares a regular expression written by a clinician for the normalised text: strips accents and writes runs of
    /// a repeated letter once and lowers case, as <see cref="Normalize"/> does, but leaves escapes (<c>\s</c>, <c>\b</c>) alone.
    /// </summary>
    public static string NormalizePattern(string pattern)
    {
        var plain = StripMarks(pattern.Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal));
        var output = new StringBuilder(plain.Length);
        var previous = '\0';
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            if (c == '\\' && i + 1 < plain.Length)
            {
                output.Append(c).Append(plain[++i]);
                previous = '\0';
                continue;
            }

            // Lower case here instead of RegexOptions.IgnoreCase: the text is already lower case, and case-insensitive
            // matching is markedly slower. Escapes were copied above untouched (\S is not \s).
            c = char.ToLowerInvariant(c);
            if (char.IsLetter(c) && c == previous) continue;
            output.Append(c);
            previous = c;
        }

        return output.ToString();
    }

    private string Token(string token)
    {
        token = CollapseLongRuns(token);
        if (token is "." or "?") return token;
        if (_shorthand.TryGetValue(token, out var expanded)) return expanded;

        var hasDigit = token.Any(char.IsAsciiDigit);
        var hasLetter = token.Any(char.IsAsciiLetter);
        if (!hasDigit || !hasLetter) return token;

        if (char.IsAsciiDigit(token[0]))
        {
            // "20mg", "0.5mg", "3x": a number and its unit, not leetspeak.
            var split = token.AsSpan().IndexOfAnyInRange('a', 'z');
            return split < 0 ? token : token[..split] + " " + Token(token[split..]);
        }

        var letters = string.Create(token.Length, (token, _leetspeak), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.token[i];
                span[i] = state._leetspeak.TryGetValue(c, out var letter) ? letter : c;
            }
        });
        letters = CollapseLongRuns(letters);
        return _shorthand.TryGetValue(letters, out var expandedLetters) ? expandedLetters : letters;
    }

    private static void AppendWords(StringBuilder output, string words)
    {
        if (words.Length == 0) return;
        if (output.Length > 0) output.Append(' ');
        output.Append(words);
    }

    /// <summary>Lower case, accents and apostrophes removed, emoji named, punctuation turned into spaces or sentence marks.</summary>
    private string Symbols(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var output = new StringBuilder(decomposed.Length + 16);
        var runes = decomposed.EnumerateRunes().ToArray();
        for (var i = 0; i < runes.Length; i++)
        {
            var rune = runes[i];
            if (_emoji.TryGetValue(rune.Value, out var word))
            {
                output.Append(' ').Append(word).Append(' ');
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (Rune.IsLetter(rune))
            {
                output.Append(Rune.ToLowerInvariant(rune).ToString());
                continue;
            }

            if (Rune.IsDigit(rune))
            {
                output.Append(rune.ToString());
                continue;
            }

            if (!rune.IsBmp)
            {
                output.Append(' ');
                continue;
            }

            var c = (char)rune.Value;
            var betweenLetters = i > 0 && i + 1 < runes.Length && Rune.IsLetter(runes[i - 1]) && Rune.IsLetter(runes[i + 1]);
            var betweenDigits = i > 0 && i + 1 < runes.Length && Rune.IsDigit(runes[i - 1]) && Rune.IsDigit(runes[i + 1]);
            switch (c)
            {
                // Apostrophes vanish so "can't", "can’t" and "cant" are one word.
                case '\'' or '\u2019' or '\u2018' or '`' or '\u00b4' or '\u02bc':
                    break;
                case '.' when betweenDigits:
                    output.Append('.');
                    break;
                case '@' or '$' or '!' or '|' when betweenLetters && _leetspeak.TryGetValue(c, out var letter):
                    output.Append(letter);
                    break;
                case '.' or '!' or ';' or '\n' or '\r':
                    output.Append(" . ");
                    break;
                case '?':
                    output.Append(" ? ");
                    break;
                default:
                    output.Append(' ');
                    break;
            }
        }

        return output.ToString();
    }

    private static string StripMarks(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var output = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) output.Append(c);
        }

        return output.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>"sooo" → "so", "pleeease" → "please": a letter typed three or more times in a row counts once.</summary>
    private static string CollapseLongRuns(string token)
    {
        var output = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            var run = 1;
            while (i + run < token.Length && token[i + run] == token[i]) run++;
            output.Append(token[i], char.IsLetter(token[i]) && run >= 3 ? 1 : run);
            i += run - 1;
        }

        return output.ToString();
    }

    /// <summary>Every run of a repeated letter written once, in the text and in the rules alike ("kill" → "kil", "appt" → "apt").</summary>
    private static string CollapseAllRuns(string text)
    {
        var output = new StringBuilder(text.Length);
        var previous = '\0';
        foreach (var c in text)
        {
            if (char.IsLetter(c) && c == previous) continue;
            output.Append(c);
            previous = c;
        }

        return output.ToString();
    }
}

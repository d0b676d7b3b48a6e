namespace ClinicBot.Knowledge.Text;

/// <summary>
/// Splits folded text into word tokens. Apostrophes are dropped inside words ("don't" becomes "dont",
/// "ketamine's" becomes "ketamines") so patients who skip them type the same token.
/// "w/" is kept as a token because SMS writers use it for "with".
/// </summary>
public static class Tokenizer
{
    /// <summary>The word tokens of already folded text, in order.</summary>
    public static List<string> Tokenize(string folded)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            if (char.IsLetterOrDigit(c) || (c == '\'' && start >= 0))
            {
                if (start < 0) start = i;
                continue;
            }

            if (start >= 0)
            {
                var token = folded[start..i].Replace("'", "", StringComparison.Ordinal);
                if (c == '/' && token == "w") token = "w/";
                if (token.Length > 0) tokens.Add(token);
                start = -1;
            }
        }

        return tokens;
    }
}

namespace ClinicBot.Knowledge.Text;

/// <summary>Turns text into the stem sequence that both the index and the answer composer compare.</summary>
public static class TextAnalyzer
{
    /// <summary>Every token of the text, folded and stemmed, stopwords included so phrases can still be matched.</summary>
    public static string[] Stems(string text) =>
        Tokenizer.Tokenize(TextNormalizer.Fold(text)).Select(PorterStemmer.Stem).ToArray();

    /// <summary>The stem of one already folded word.</summary>
    public static string Stem(string foldedWord) => PorterStemmer.Stem(foldedWord);
}

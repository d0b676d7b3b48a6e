using System.Text.RegularExpressions;
using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Search;
using ClinicBot.Knowledge.Text;

namespace ClinicBot.Answering.Extractive;

/// <summary>
/// Recognises a sentence that opens by defining what the question names: "Ketamine is a medication...",
/// "Ketamine therapy, also known as ..., involves ...", "Ketamine, a dissociative anesthetic, ...".
/// </summary>
internal static partial class DefinitionOpening
{
    public static bool Defines(Sentence sentence, QueryAnalysis query)
    {
        var match = Opening().Match(TextNormalizer.Fold(sentence.Text));
        if (!match.Success) return false;

        var subject = match.Groups["subject"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return subject.All(word => query.Stems.Contains(TextAnalyzer.Stem(word.Replace("'", "", StringComparison.Ordinal))));
    }

    // One or two words, then a comma (an appositive) or a defining verb.
    [GeneratedRegex(@"^(?:the\s+)?(?<subject>[a-z'-]+(?:\s+[a-z'-]+)?)\s*(?:,|\s(?:is|are|involves|refers to|means)\s)", RegexOptions.CultureInvariant)]
    private static partial Regex Opening();
}

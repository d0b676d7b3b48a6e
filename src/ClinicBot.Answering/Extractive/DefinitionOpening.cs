using System.Text.RegularExpressions;
using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Search;
using ClinicBot.Knowledge.Text;

namespace ClinicBot.Answering.Extractive;

/// <summary>
/// Recognises a sentence that defines what the question names: it opens with it ("Ketamine is a medication...",
/// "Ketamine therapy, also known as ..., involves ...", "Ketamine, a dissociative anesthetic, ...") or glosses it
/// ("... treatment-resistant depression, or depression that has not responded ...").
/// </summary>
internal static partial class DefinitionOpening
{
    public static bool Defines(Sentence sentence, QueryAnalysis query)
    {
        var folded = TextNormalizer.Fold(sentence.Text);
        return Names(Opening().Match(folded), query) || Gloss().Matches(folded).Any(m => Names(m, query));
    }

    private static bool Names(Match match, QueryAnalysis query) =>
        match.Success && match.Groups["subject"].Value
            .Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .All(word => query.Stems.Contains(TextAnalyzer.Stem(word.Replace("'", "", StringComparison.Ordinal))));

    // One or two words, then a comma (an appositive) or a defining verb ("is a", "involves"); "is also effective" is not a definition.
    [GeneratedRegex(@"^(?:the\s+)?(?<subject>[a-z'-]+(?:\s+[a-z'-]+)?)(?:,|\s+(?:is|are)\s+(?:a|an|the)\s|\s+(?:involves|refers to|means)\s)", RegexOptions.CultureInvariant)]
    private static partial Regex Opening();

    // Two words glossed by ", or ...": the article explains the term in passing.
    [GeneratedRegex(@"(?<subject>[a-z'-]+\s+[a-z'-]+),\s+or\s", RegexOptions.CultureInvariant)]
    private static partial Regex Gloss();
}

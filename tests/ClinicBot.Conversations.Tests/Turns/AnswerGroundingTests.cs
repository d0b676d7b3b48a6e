using System.Text.RegularExpressions;
using ClinicBot.Conversations.Turns;
using ClinicBot.Knowledge.Text;
using ClinicBot.Testing;
using ClinicBot.Testing.DevSet;

namespace ClinicBot.Conversations.Tests.Turns;

/// <summary>
/// Nothing invented: every sentence of every dev-set answer, once the fixed template lines and citation markers
/// are taken away, must be found in one of the articles it cites (after normalising whitespace, quotes and Markdown).
/// </summary>
public sealed partial class AnswerGroundingTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    public static IEnumerable<object[]> AllCases => DevSetLoader.Rows();

    [Theory]
    [MemberData(nameof(AllCases))]
    public async Task Answer_DevSetCase_EverySentenceIsInACitedArticle(DevSetCase devCase)
    {
        var reply = await engine.AskAsync(devCase);
        if (reply.Route != Routes.Answer) return;

        Assert.NotEmpty(reply.Sources);
        var cited = reply.Sources.Select(id => Normalise(engine.Knowledge.FindArticle(id)!.Markdown)).ToList();
        var quoted = ArticleText(reply.Text, devCase.Channel == Prompts.Channel.Sms);
        Assert.NotEmpty(quoted);
        foreach (var sentence in quoted)
        {
            Assert.True(cited.Any(article => article.Contains(sentence, StringComparison.Ordinal)), $"Not in a cited article: \"{sentence}\"");
        }
    }

    // The article text of a reply: web answers carry it in the paragraph(s) with [n] markers; SMS answers sit between
    // the optional intro template and "Source:". Each sentence loses its marker and any trailing clause ellipsis.
    private static List<string> ArticleText(string text, bool sms)
    {
        string body;
        if (sms)
        {
            var end = text.LastIndexOf(" Source: ", StringComparison.Ordinal);
            if (end < 0) end = text.LastIndexOf(" Fuente: ", StringComparison.Ordinal);
            body = text[..end];
            var intro = body.IndexOf("):", StringComparison.Ordinal);
            if (intro >= 0 && intro < 60) body = body[(intro + 2)..];
        }
        else
        {
            body = string.Join(' ', text.Split("\n\n").Where(p => CitationMarker().IsMatch(p)));
        }

        return CitationMarker().Split(body)
            .SelectMany(SentenceSplitter.Split)
            .Select(s => Normalise(s.TrimEnd('…')))
            .Where(s => s.Length > 0)
            .ToList();
    }

    private static string Normalise(string text) =>
        Whitespace().Replace(TextNormalizer.Fold(text).Replace("**", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), " ").Trim();

    [GeneratedRegex(@"(?:\s*\[\d+\])+")]
    private static partial Regex CitationMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

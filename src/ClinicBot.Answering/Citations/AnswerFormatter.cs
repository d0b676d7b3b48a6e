using System.Text;
using ClinicBot.Answering.Extractive;
using ClinicBot.Knowledge;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;

namespace ClinicBot.Answering.Citations;

/// <summary>
/// Lays out chosen article sentences for a channel. Web: Markdown with numbered citations after each sentence
/// and a sources list linking to <c>/articles/{id}</c>. SMS: plain text with short source names.
/// Both end with the education-not-advice notice from <c>prompts/responses</c>.
/// </summary>
internal sealed class AnswerFormatter(KnowledgeBase knowledge, ResponseTemplates templates)
{
    public string Format(IReadOnlyList<SelectedSentence> sentences, IReadOnlyList<string> sources, string locale, Channel channel) =>
        channel == Channel.Sms ? FormatSms(sentences, sources, locale) : FormatWeb(sentences, sources, locale);

    /// <summary>The characters an SMS answer spends on everything but article text, for these sources.</summary>
    public int SmsOverhead(IReadOnlyList<string> sources, string locale) => FormatSms([], sources, locale).Length + 1;

    private string FormatWeb(IReadOnlyList<SelectedSentence> sentences, IReadOnlyList<string> sources, string locale)
    {
        var builder = new StringBuilder();
        AppendLine(builder, templates.Render("answer_intro", locale, Channel.Web), blankAfter: true);

        builder.AppendJoin(' ', sentences.Select(s =>
            s.Text + " " + string.Concat(s.ArticleIds.Select(id => $"[{Number(sources, id)}]"))));
        builder.Append("\n\n");

        builder.Append("**").Append(templates.Render("answer_sources_heading", locale, Channel.Web)).Append("**\n");
        for (var i = 0; i < sources.Count; i++)
        {
            var article = knowledge.FindArticle(sources[i])!;
            builder.Append(i + 1).Append(". [").Append(article.Title).Append("](/articles/").Append(article.Id).Append(") — ")
                .Append(article.Publisher).Append('\n');
        }

        builder.Append('\n').Append('_').Append(templates.Render("answer_notice", locale, Channel.Web)).Append('_');
        return builder.ToString();
    }

    private string FormatSms(IReadOnlyList<SelectedSentence> sentences, IReadOnlyList<string> sources, string locale)
    {
        var names = string.Join(", ", sources.Select(id => knowledge.FindArticle(id)!.ShortName).Distinct());
        var parts = new[]
        {
            templates.Render("answer_intro", locale, Channel.Sms),
            string.Join(' ', sentences.Select(s => s.Text)),
            templates.Render("answer_sms_sources", locale, Channel.Sms, new Dictionary<string, string> { ["sources"] = names }),
            templates.Render("answer_notice", locale, Channel.Sms),
        };
        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    private static int Number(IReadOnlyList<string> sources, string id)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] == id) return i + 1;
        }

        throw new InvalidOperationException($"Article {id} is cited but not listed.");
    }

    private static void AppendLine(StringBuilder builder, string text, bool blankAfter)
    {
        if (text.Length == 0) return;
        builder.Append(text).Append(blankAfter ? "\n\n" : "\n");
    }
}

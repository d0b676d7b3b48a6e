using System.Text;
using ClinicBot.Knowledge.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClinicBot.Knowledge.Articles;

/// <summary>
/// Parses one Markdown article: YAML front matter (all of <see cref="ArticleFrontMatter.Required"/> must be present)
/// and a body split into passages, one per paragraph, each keeping its section heading.
/// </summary>
public static class ArticleParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Parses an article file's text.</summary>
    /// <exception cref="InvalidDataException">The front matter is missing, malformed or lacks a required key.</exception>
    public static Article Parse(string fileName, string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var frontMatterBlock = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault()
            ?? throw new InvalidDataException($"{fileName}: no YAML front matter (a '---' block at the top).");

        var frontMatter = ReadFrontMatter(fileName, frontMatterBlock);
        var body = markdown[(frontMatterBlock.Span.End + 1)..].Trim();
        var passages = SplitPassages(frontMatter.Id!, document);
        return new Article(
            frontMatter.Id!,
            frontMatter.Title!,
            string.IsNullOrWhiteSpace(frontMatter.ShortName) ? frontMatter.Publisher! : frontMatter.ShortName,
            frontMatter.Publisher!,
            frontMatter.Location!,
            frontMatter.SourceFile!,
            frontMatter.Reviewed!,
            body,
            passages);
    }

    private static ArticleFrontMatter ReadFrontMatter(string fileName, YamlFrontMatterBlock block)
    {
        var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()));
        ArticleFrontMatter? frontMatter;
        try
        {
            frontMatter = Yaml.Deserialize<ArticleFrontMatter>(yaml);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new InvalidDataException($"{fileName}: front matter is not valid YAML: {ex.Message}", ex);
        }

        var missing = frontMatter is null ? ArticleFrontMatter.Required : frontMatter.MissingKeys();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{fileName}: front matter lacks {string.Join(", ", missing)}.");
        }

        return frontMatter!;
    }

    private static List<Passage> SplitPassages(string articleId, MarkdownDocument document)
    {
        var passages = new List<Passage>();
        var heading = "";
        foreach (var block in document)
        {
            switch (block)
            {
                case HeadingBlock h:
                    heading = InlineText(h.Inline);
                    break;
                case ParagraphBlock p:
                    var text = InlineText(p.Inline).Trim();
                    if (text.Length == 0) break;
                    var key = $"{articleId}#{passages.Count}";
                    var sentences = SentenceSplitter.Split(text)
                        .Select((s, i) => new Sentence(s, TextAnalyzer.Stems(s), key, i))
                        .ToList();
                    passages.Add(new Passage(key, articleId, passages.Count, heading, text, sentences));
                    break;
            }
        }

        return passages;
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var builder = new StringBuilder();
        foreach (var child in inline.Descendants<Inline>())
        {
            switch (child)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
            }
        }

        return builder.ToString();
    }
}

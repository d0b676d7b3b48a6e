using System.Net;
using ClinicBot.Knowledge;
using Markdig;

namespace ClinicBot.Host.Articles;

/// <summary><c>GET /articles/{id}</c>: the cited article as a readable page, with its publisher, so a citation link opens its source.</summary>
internal static class ArticleEndpoints
{
    // Articles are the clinic's own Markdown; raw HTML in them is not rendered.
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    public static IEndpointRouteBuilder MapArticles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/articles/{id}", (string id, KnowledgeBase knowledge) =>
        {
            var article = knowledge.FindArticle(id);
            if (article is null) return Results.NotFound();

            var title = WebUtility.HtmlEncode(article.Title);
            var html = $"""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{title}</title>
                <style>body{"{"}font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.55{"}"}</style></head>
                <body><article><h1>{title}</h1>
                <p><small>{WebUtility.HtmlEncode(article.Publisher)} · {WebUtility.HtmlEncode(article.Location)} · reviewed {WebUtility.HtmlEncode(article.Reviewed)}</small></p>
                {Markdig.Markdown.ToHtml(article.Markdown, Markdown)}
                </article></body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        });
        return endpoints;
    }
}

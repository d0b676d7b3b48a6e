namespace ClinicBot.Knowledge.Articles;

/// <summary>One of the clinic's source articles: its front matter and its passages.</summary>
/// <param name="Id">Stable slug, used in citations and in <c>/articles/{id}</c>.</param>
/// <param name="Title">The article's title.</param>
/// <param name="ShortName">A few words naming the source, for SMS citations; the publisher when not set.</param>
/// <param name="Publisher">The clinic that published it.</param>
/// <param name="Location">Where the clinic is.</param>
/// <param name="SourceFile">The original file the article was taken from.</param>
/// <param name="Reviewed">When a person last checked the text.</param>
/// <param name="Markdown">The body as Markdown, without front matter.</param>
/// <param name="Passages">The body split into passages, in order.</param>
public sealed record Article(
    string Id,
    string Title,
    string ShortName,
    string Publisher,
    string Location,
    string SourceFile,
    string Reviewed,
    string Markdown,
    IReadOnlyList<Passage> Passages);

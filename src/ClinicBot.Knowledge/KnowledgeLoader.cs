using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Search;
using ClinicBot.Prompts;

namespace ClinicBot.Knowledge;

/// <summary>Loads the articles and brings the search index up to date: it is rebuilt only when the content hash changed.</summary>
public static class KnowledgeLoader
{
    /// <summary>The loaded knowledge base, with the index guaranteed to match it.</summary>
    public static KnowledgeBase LoadAndIndex(KnowledgeOptions options, IPassageIndex index)
    {
        var articlesPath = ContentPaths.Resolve(options.ArticlesPath);
        var lexiconPath = ContentPaths.Resolve(options.LexiconPath);
        var hash = ArticleLoader.ContentHash(articlesPath, lexiconPath);
        var knowledge = new KnowledgeBase(ArticleLoader.LoadDirectory(articlesPath), hash);
        if (!index.IsCurrent(hash)) index.Rebuild(knowledge.Passages, hash);
        return knowledge;
    }
}

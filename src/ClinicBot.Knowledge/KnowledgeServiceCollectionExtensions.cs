using ClinicBot.Embeddings;
using ClinicBot.Knowledge.Lexicon;
using ClinicBot.Knowledge.Search;
using ClinicBot.Prompts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClinicBot.Knowledge;

/// <summary>Registers the knowledge base, its lexicon and search. An <see cref="IPassageIndex"/> must be registered too (storage).</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>Binds <c>Knowledge</c>; articles are loaded and indexed (sentence vectors included) once, on first use.</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.Section));
        services.AddSingleton(sp => KnowledgeLoader.LoadAndIndex(
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value, sp.GetRequiredService<IPassageIndex>(), SentenceEmbedder.Shared));
        services.AddSingleton(sp => LexiconLoader.Load(ContentPaths.Resolve(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.LexiconPath)));
        services.AddSingleton<QueryAnalyzer>();
        services.AddSingleton<PassageSearcher>();
        return services;
    }
}

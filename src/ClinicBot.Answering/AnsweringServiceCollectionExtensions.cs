using ClinicBot.Answering.Confidence;
using ClinicBot.Answering.Model;
using ClinicBot.Answering.Retrieval;
using ClinicBot.Embeddings;
using ClinicBot.Answering.Extractive;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Lexicon;
using ClinicBot.Knowledge.Search;
using ClinicBot.Knowledge.Text;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClinicBot.Answering;

/// <summary>Registers the extractive answerer.</summary>
public static class AnsweringServiceCollectionExtensions
{
    /// <summary>Binds <c>Answering</c> and loads <c>prompts/answering</c>: the learned heads, required-evidence and follow-up rules.</summary>
    public static IServiceCollection AddAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnsweringOptions>().Bind(configuration.GetSection(AnsweringOptions.Section));
        services.AddSingleton(sp => new QuestionReader(
            sp.GetRequiredService<QueryAnalyzer>(),
            FollowUpRules.Load(AnsweringFile(sp, "follow-ups.yaml")),
            SpanishGloss.Load(Path.Combine(PromptsPath(sp), "safety")),
            SentenceEmbedder.Shared));
        services.AddSingleton(sp => new ExtractiveComposer(
            sp.GetRequiredService<KnowledgeBase>(),
            sp.GetRequiredService<QuestionReader>(),
            sp.GetRequiredService<PassageSearcher>(),
            sp.GetRequiredService<ResponseTemplates>(),
            RequiredEvidenceLoader.Load(AnsweringFile(sp, "required-evidence.yaml")),
            sp.GetRequiredService<Lexicon>().Stopwords.Select(TextAnalyzer.Stem).ToHashSet(StringComparer.Ordinal),
            NotQuotedFilter.Load(AnsweringFile(sp, "not-quoted.yaml")),
            sp.GetRequiredService<IOptions<AnsweringOptions>>().Value,
            AnswerModelFile.Read(AnsweringFile(sp, AnswerModelFile.FileName))?.ToModel()));
        services.TryAddSingleton<IAnswerComposer>(sp => sp.GetRequiredService<ExtractiveComposer>());
        return services;
    }

    private static string AnsweringFile(IServiceProvider services, string name) => Path.Combine(PromptsPath(services), "answering", name);

    private static string PromptsPath(IServiceProvider services) => services.GetRequiredService<IOptions<PromptsOptions>>().Value.ResolvedPath;
}

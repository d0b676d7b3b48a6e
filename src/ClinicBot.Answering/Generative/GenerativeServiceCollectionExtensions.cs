using ClinicBot.Answering.Extractive;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Lexicon;
using ClinicBot.Knowledge.Search;
using ClinicBot.Knowledge.Text;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClinicBot.Answering.Generative;

/// <summary>
/// Makes the generative composer the answerer, over whatever <see cref="IChatClient"/> and <see cref="IAnswerPrompt"/>
/// are registered.
/// </summary>
public static class GenerativeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GenerativeComposer"/> as the <see cref="IAnswerComposer"/>, replacing the extractive default
    /// (which stays registered as its fallback). Call after <c>AddAnswering</c>; needs an <see cref="IChatClient"/>, an
    /// <see cref="IAnswerPrompt"/> and bound <see cref="GenerativeOptions"/>. The verification file is read when the
    /// composer is first built.
    /// </summary>
    public static IServiceCollection AddGenerativeComposer(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GenerativeOptions>>().Value;
            var promptsPath = sp.GetRequiredService<IOptions<PromptsOptions>>().Value.ResolvedPath;
            var lexicon = sp.GetRequiredService<Lexicon>();
            var analyzer = sp.GetRequiredService<QueryAnalyzer>();
            var verifier = new SentenceVerifier(
                analyzer,
                lexicon.Stopwords,
                lexicon.Stopwords.Select(TextAnalyzer.Stem).ToHashSet(StringComparer.Ordinal),
                VerificationRules.Load(Path.Combine(promptsPath, options.VerificationFile)),
                options.MinimumSupport);
            return new GenerativeComposer(
                sp.GetRequiredService<ExtractiveComposer>(),
                sp.GetRequiredService<KnowledgeBase>(),
                analyzer,
                sp.GetRequiredService<PassageSearcher>(),
                sp.GetRequiredService<ResponseTemplates>(),
                NotQuotedFilter.Load(Path.Combine(promptsPath, "answering", "not-quoted.yaml")),
                verifier,
                sp.GetRequiredService<IAnswerPrompt>(),
                sp.GetRequiredService<IChatClient>(),
                sp.GetRequiredService<IOptions<AnsweringOptions>>().Value,
                options,
                sp.GetService<ILogger<GenerativeComposer>>() ?? NullLogger<GenerativeComposer>.Instance);
        });
        services.Replace(ServiceDescriptor.Singleton<IAnswerComposer>(sp => sp.GetRequiredService<GenerativeComposer>()));
        return services;
    }
}

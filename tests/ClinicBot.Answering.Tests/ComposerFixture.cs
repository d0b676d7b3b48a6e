using ClinicBot.Answering.Extractive;
using ClinicBot.Answering.Retrieval;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Search;
using ClinicBot.Testing;

namespace ClinicBot.Answering.Tests;

/// <summary>The real extractive composer over the repository's articles and a temporary SQLite index.</summary>
public sealed class ComposerFixture : IDisposable
{
    private readonly EngineHost _host = new();

    public ExtractiveComposer Composer => _host.Get<ExtractiveComposer>();

    public KnowledgeBase Knowledge => _host.Get<KnowledgeBase>();

    public QueryAnalyzer Analyzer => _host.Get<QueryAnalyzer>();

    public QuestionReader Reader => _host.Get<QuestionReader>();

    public void Dispose() => _host.Dispose();
}

using ClinicBot.Knowledge.Search;
using ClinicBot.Testing;

namespace ClinicBot.Knowledge.Tests;

/// <summary>The real knowledge base and search over a temporary SQLite file.</summary>
public sealed class KnowledgeFixture : IDisposable
{
    private readonly EngineHost _host = new();

    public KnowledgeBase Knowledge => _host.Get<KnowledgeBase>();

    public QueryAnalyzer Analyzer => _host.Get<QueryAnalyzer>();

    public PassageSearcher Searcher => _host.Get<PassageSearcher>();

    public void Dispose() => _host.Dispose();
}

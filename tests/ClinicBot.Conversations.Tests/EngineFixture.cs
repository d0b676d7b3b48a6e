using ClinicBot.Conversations.Turns;
using ClinicBot.Knowledge;
using ClinicBot.Testing;
using ClinicBot.Testing.DevSet;

namespace ClinicBot.Conversations.Tests;

/// <summary>One real engine (SQLite file, repository articles) shared by a test class.</summary>
public sealed class EngineFixture : IDisposable
{
    private readonly EngineHost _host = new();

    public TurnPipeline Pipeline => _host.Get<TurnPipeline>();

    public KnowledgeBase Knowledge => _host.Get<KnowledgeBase>();

    /// <summary>Each dev-set case is a new conversation.</summary>
    public Task<Reply> AskAsync(DevSetCase devCase) =>
        Pipeline.HandleAsync(new TurnRequest("dev-" + devCase.Id + "-" + Guid.NewGuid().ToString("N"), devCase.Channel, devCase.Locale, devCase.Text));

    /// <summary>The dev set names articles by the first three characters of their source file ("003").</summary>
    public string SourceNumber(string articleId) => Knowledge.FindArticle(articleId)!.SourceFile[..3];

    public void Dispose() => _host.Dispose();
}

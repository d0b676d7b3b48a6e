using ClinicBot.Conversations.State;
using ClinicBot.Conversations.Turns;
using ClinicBot.Storage.Sqlite;
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

    /// <summary>Any other service of the engine (the answerer alone, the templates...).</summary>
    public T Get<T>() where T : notnull => _host.Get<T>();

    /// <summary>Each dev-set case is a new conversation.</summary>
    public Task<Reply> AskAsync(DevSetCase devCase) =>
        Pipeline.HandleAsync(new TurnRequest("dev-" + devCase.Id + "-" + Guid.NewGuid().ToString("N"), devCase.Channel, devCase.Locale, devCase.Text));

    /// <summary>How many urgent escalations the SQLite file holds for the conversations of these dev-set cases.</summary>
    public async Task<int> UrgentEscalationCountAsync(IEnumerable<string> caseIds)
    {
        await using var connection = _host.Get<SqliteConnectionFactory>().Open();
        var count = 0;
        foreach (var id in caseIds)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM escalations WHERE conversation_id LIKE $prefix AND priority = 'urgent' AND reason = 'crisis'";
            command.Parameters.AddWithValue("$prefix", "dev-" + id + "-%");
            count += Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>A conversation's transcript as stored.</summary>
    public Task<IReadOnlyList<TranscriptEntry>> TranscriptAsync(string conversationId) =>
        _host.Get<IConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);

    /// <summary>The dev set names articles by the first three characters of their source file ("003").</summary>
    public string SourceNumber(string articleId) => Knowledge.FindArticle(articleId)!.SourceFile[..3];

    public void Dispose() => _host.Dispose();
}

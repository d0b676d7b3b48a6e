using System.Data.Common;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Delivery;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Queue;
using ClinicBot.Storage.Postgres;
using ClinicBot.Storage.Privacy;
using ClinicBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>
/// Patient text at rest on every provider: what the stores write is in the <c>v1:&lt;keyId&gt;:</c> format, and
/// <c>clinicbot rotate-key</c>'s rotation moves every protected value (one under the old key, one left in clear by an
/// older build) under the new key, after which the new key alone reads them all back.
/// </summary>
public abstract class PatientTextRotationContract(StorageBackend backend) : StorageContract(backend)
{
    private static readonly string OldKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i + 1)).ToArray());
    private static readonly string NewKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(200 - i)).ToArray());

    [Fact]
    public async Task RotateKey_RowsUnderOldKeyAndInClear_AllUnderNewKeyAndReadBackWithItAlone()
    {
        var database = Backend.NewDatabase();
        var written = NewHost(With(database, OldKey));
        var conversation = NewId("web");
        var escalation = EscalationStoreContract.Escalation(NewId("esc"), "normal", At, conversation) with { PatientDisplayId = "Marisol Q." };
        var notification = EscalationStoreContract.Notification(escalation);
        var legacy = new PendingDelivery(NewId("pending"), conversation, "written in clear by an older build", 0, At);
        await written.GetRequiredService<IConversationStore>().AppendAsync(conversation, Channel.Web, new TranscriptEntry("patient", "I'm Marisol, born 04/17/1987", null, [], At), default);
        await written.GetRequiredService<IDirectLineStore>().AppendAsync(conversation, NewId("activity"), "message", """{"text":"marisol@example.org"}""", At, default);
        await written.GetRequiredService<IConversationReferenceStore>().SaveAsync(conversation, Reference(conversation), default);
        await written.GetRequiredService<IEscalationStore>().InsertAsync(escalation, notification, default);
        await written.GetRequiredService<IPatientOutbox>().EnqueueAsync(legacy, default);
        await ExecuteAsync(written, "UPDATE patient_outbox SET text = @text WHERE id = @id", ("text", legacy.Text), ("id", legacy.Id));
        var before = await ValuesAsync(written);
        Assert.Equal(ProtectedColumn.All.Count, before.Count);
        Assert.All(before.Where(v => v.Value != legacy.Text), v => Assert.StartsWith("v1:", v.Value, StringComparison.Ordinal));

        var rotating = NewHost(With(database, NewKey, OldKey));
        var rotation = rotating.GetRequiredService<PatientTextRotation>();
        var result = await rotation.RotateAsync(default);

        Assert.Equal(new RotationResult(ProtectedColumn.All.Count, 0), result);
        Assert.All(await ValuesAsync(rotating), v => Assert.StartsWith($"v1:{rotation.CurrentKeyId}:", v.Value, StringComparison.Ordinal));
        Assert.Equal(new RotationResult(0, 0), await rotation.RotateAsync(default));

        var reader = NewHost(With(database, NewKey));
        Assert.Equal("I'm Marisol, born 04/17/1987", Assert.Single(await reader.GetRequiredService<IConversationStore>().TranscriptAsync(conversation, default)).Text);
        Assert.Equal("""{"text":"marisol@example.org"}""", Assert.Single(await reader.GetRequiredService<IDirectLineStore>().ListAsync(conversation, -1, 10, default)).Json);
        Assert.Equal("Marisol Q.", (await reader.GetRequiredService<IConversationReferenceStore>().FindAsync(conversation, default))!.From!.Name);
        Assert.Equal("Marisol Q.", (await reader.GetRequiredService<IEscalationStore>().GetAsync(escalation.Id, default))!.PatientDisplayId);
        Assert.Equal(notification.Body, Assert.Single(await reader.GetRequiredService<IOutboxStore>().DueAsync(At.AddHours(1), 10, default), m => m.Id == notification.Id).Body);
        Assert.Equal(legacy.Text, Assert.Single(await reader.GetRequiredService<IPatientOutbox>().DueAsync(At.AddHours(1), 10, default), d => d.Id == legacy.Id).Text);
    }

    [Fact]
    public async Task RotateKey_ValueUnderAKeyNoLongerConfigured_CountedAndLeftAsItWas()
    {
        var database = Backend.NewDatabase();
        var conversation = NewId("web");
        await NewHost(With(database, OldKey)).GetRequiredService<IConversationStore>()
            .AppendAsync(conversation, Channel.Web, new TranscriptEntry("patient", "hello", null, [], At), default);
        var rotating = NewHost(With(database, NewKey));

        Assert.Equal(new RotationResult(0, 1), await rotating.GetRequiredService<PatientTextRotation>().RotateAsync(default));
        Assert.DoesNotContain(await ValuesAsync(rotating), v => v.Value.StartsWith($"v1:{rotating.GetRequiredService<PatientTextCipher>().CurrentKeyId}:", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> database, string key, params string[] previous)
    {
        var settings = new Dictionary<string, string?>(database) { ["Privacy:DataKey"] = key };
        for (var i = 0; i < previous.Length; i++) settings[$"Privacy:PreviousDataKeys:{i}"] = previous[i];
        return settings;
    }

    private static Activity Reference(string conversation) => new()
    {
        Type = ActivityTypes.Message, ServiceUrl = "https://smba.example/", Conversation = new ConversationAccount(conversation), From = new ChannelAccount("user-1", "Marisol Q."),
    };

    // Every value of every protected column, straight from the database.
    private static async Task<List<(string Column, string Value)>> ValuesAsync(IServiceProvider host)
    {
        var values = new List<(string, string)>();
        await using var connection = await OpenAsync(host);
        foreach (var column in ProtectedColumn.All)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {column.Column} FROM {column.Table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) values.Add(($"{column.Table}.{column.Column}", reader.GetString(0)));
        }

        return values;
    }

    private static async Task ExecuteAsync(IServiceProvider host, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(host);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) DbParameters.Add(command, name, value);

        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<DbConnection> OpenAsync(IServiceProvider host) =>
        host.GetService<PostgresDatabase>() is { } postgres ? await postgres.OpenAsync(default) : host.GetRequiredService<SqliteConnectionFactory>().Open();
}

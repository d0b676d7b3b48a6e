using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using ClinicBot.Storage.Privacy;
using ClinicBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Conversations.Tests.State;

/// <summary>The patient's language is kept with the conversation, also in a database made before it was.</summary>
public sealed class ConversationLocaleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinicbot-locale-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task SetLocale_OnADatabaseMadeBeforeTheColumn_IsKeptAndRead()
    {
        var path = Path.Combine(_folder, "clinicbot.db");
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE conversations (id TEXT PRIMARY KEY, channel TEXT NOT NULL, crisis_since TEXT NULL, handler TEXT NULL, created_at TEXT NOT NULL);
                INSERT INTO conversations (id, channel, created_at) VALUES ('sms:old', 'sms', '2026-11-01T00:00:00.0000000Z');
                """;
            await create.ExecuteNonQueryAsync();
        }

        var store = new SqliteConversationStore(new SqliteConnectionFactory(path), PatientTextCipher.FromKeys(Convert.ToBase64String(new byte[32])));
        Assert.Null((await store.GetAsync("sms:old", CancellationToken.None)).Locale);

        await store.SetLocaleAsync("sms:old", Locales.Spanish, CancellationToken.None);
        await store.AppendAsync("webchat:new", Channel.Web, new TranscriptEntry("patient", "hello", null, [], DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal(Locales.Spanish, (await store.GetAsync("sms:old", CancellationToken.None)).Locale);
        Assert.Null((await store.GetAsync("webchat:new", CancellationToken.None)).Locale);
    }
}

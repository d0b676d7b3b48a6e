using System.Text;
using ClinicBot.Storage.Privacy;
using ClinicBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Cli.Tests.RotateKey;

/// <summary>
/// <c>clinicbot rotate-key</c> on a SQLite file: rows written under the old key and rows an older build left in clear all
/// end under the new key (and the clear text is gone from the file), read back with the new key alone; without
/// <c>Privacy:DataKey</c> set it refuses.
/// </summary>
public sealed class RotateKeyCommandTests : IDisposable
{
    private static readonly string OldKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i + 7)).ToArray());
    private static readonly string NewKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(250 - i)).ToArray());
    private const string Legacy = "Legacy words of Marisol Quintanilla, kept in clear by an older build";
    private readonly string _folder = Directory.CreateTempSubdirectory("clinicbot-rotate-").FullName;

    private string DatabasePath => Path.Combine(_folder, "clinicbot.db");

    [Fact]
    public async Task RotateKey_RowsUnderOldKeyAndInClear_AllUnderNewKeyReadBackAndNoClearTextInTheFile()
    {
        Assert.Equal(0, (await RunAsync(OldKey, [], "ask", "What should I eat before my infusion?")).ExitCode);
        Execute($"""
            INSERT INTO conversations (id, channel, created_at) VALUES ('web:legacy', 'web', '2026-11-01T00:00:00.0000000Z');
            INSERT INTO transcript_entries (conversation_id, seq, author, text, route, sources, at)
            VALUES ('web:legacy', 1, 'patient', '{Legacy}', NULL, '[]', '2026-11-01T00:00:00.0000000Z');
            """);

        var rotated = await RunAsync(NewKey, [OldKey], "rotate-key");

        var newKeyId = PatientTextCipher.FromKeys(NewKey).CurrentKeyId;
        Assert.Equal(0, rotated.ExitCode);
        Assert.Matches($@"^Database .+: [3-9] values re-encrypted; every readable value is under data key {newKeyId}\.$", rotated.Lines.Single());
        var texts = Texts();
        Assert.True(texts.Count >= 3);
        Assert.All(texts, t => Assert.StartsWith($"v1:{newKeyId}:", t, StringComparison.Ordinal));
        var store = new SqliteConversationStore(new SqliteConnectionFactory(DatabasePath), PatientTextCipher.FromKeys(NewKey));
        Assert.Equal(Legacy, Assert.Single(await store.TranscriptAsync("web:legacy", default)).Text);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists))
        {
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(Encoding.UTF8.GetBytes("Marisol Quintanilla")) < 0, $"{file} still holds the clear text");
        }

        Assert.Equal(0, (await RunAsync(NewKey, [], "ask", "How long does an infusion take?")).ExitCode);
        Assert.Contains("0 values re-encrypted", (await RunAsync(NewKey, [], "rotate-key")).Lines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateKey_WithoutDataKey_RefusesNamingTheSetting()
    {
        var refused = await RunAsync(null, [], "rotate-key");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("Privacy:DataKey", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "clinicbot.datakey")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<(int ExitCode, List<string> Lines, string Error)> RunAsync(string? key, string[] previous, params string[] args)
    {
        var environment = new Dictionary<string, string> { ["Storage__SqlitePath"] = DatabasePath };
        if (key is not null) environment["Privacy__DataKey"] = key;
        for (var i = 0; i < previous.Length; i++) environment[$"Privacy__PreviousDataKeys__{i}"] = previous[i];
        return CliProcess.RunAsync(_folder, "", environment, args);
    }

    private List<string> Texts()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM transcript_entries";
        using var reader = command.ExecuteReader();
        var texts = new List<string>();
        while (reader.Read()) texts.Add(reader.GetString(0));
        return texts;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

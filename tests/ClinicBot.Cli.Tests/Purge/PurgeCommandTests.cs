using System.Globalization;

namespace ClinicBot.Cli.Tests.Purge;

/// <summary>
/// <c>clinicbot purge [--dry-run]</c> on a SQLite file holding a conversation last active long ago and one of today:
/// the dry run counts the old one's rows and deletes nothing; the purge deletes them, keeps today's, and audits counts.
/// </summary>
public sealed class PurgeCommandTests : IDisposable
{
    private readonly CliDatabase _database = new();

    private string DatabasePath => _database.Path;

    [Fact]
    public async Task Purge_DryRunThenPurge_CountsThenDeletesOnlyTheExpiredConversation()
    {
        Assert.Equal(0, (await RunAsync("migrate")).ExitCode);
        var today = DateTimeOffset.UtcNow.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        Query($"""
            INSERT INTO conversations (id, channel, created_at) VALUES ('directline:old', 'web', '2025-01-01T00:00:00.0000000Z'), ('directline:new', 'web', '{today}');
            INSERT INTO transcript_entries (conversation_id, seq, author, text, route, sources, at) VALUES
                ('directline:old', 1, 'user', 'my name is Ana Ruiz', NULL, '[]', '2025-01-01T00:00:00.0000000Z'),
                ('directline:old', 2, 'bot', 'Thanks.', 'answer', '[]', '2025-01-01T00:00:01.0000000Z'),
                ('directline:new', 1, 'user', 'hello', NULL, '[]', '{today}');
            INSERT INTO directline_conversations (id, user_id, locale, created_at) VALUES ('old', 'dl_u1', 'en', '2025-01-01T00:00:00.0000000Z');
            """);

        var dryRun = await RunAsync("purge", "--dry-run");

        Assert.Equal(0, dryRun.ExitCode);
        Assert.StartsWith($"Database {DatabasePath}: would purge 1 conversations (last activity before ", dryRun.Lines[0], StringComparison.Ordinal);
        Assert.Contains("transcript_entries 2", Squeezed(dryRun.Lines), StringComparison.Ordinal);
        Assert.Contains("directline_conversations 1", Squeezed(dryRun.Lines), StringComparison.Ordinal);
        Assert.Equal(["directline:new", "directline:old"], Query("SELECT id FROM conversations ORDER BY id"));

        var purge = await RunAsync("purge");

        Assert.Equal(0, purge.ExitCode);
        Assert.StartsWith($"Database {DatabasePath}: purged 1 conversations", purge.Lines[0], StringComparison.Ordinal);
        Assert.Equal(Squeezed(dryRun.Lines[1..]), Squeezed(purge.Lines[1..]));
        Assert.Equal(["directline:new"], Query("SELECT DISTINCT conversation_id FROM transcript_entries"));
        Assert.Equal(["directline:new"], Query("SELECT id FROM conversations"));
        Assert.Empty(Query("SELECT id FROM directline_conversations"));
        var audit = Assert.Single(Query("SELECT action FROM audit_log WHERE actor = 'retention'"));
        Assert.Contains("transcript_entries=2", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_UnknownOption_PrintsUsageAndExits2()
    {
        var result = await RunAsync("purge", "--now");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: clinicbot purge [--dry-run]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_EscalatedKeptShorterThanPlain_RefusedNamingTheSettings()
    {
        var result = await _database.RunAsync(
            new Dictionary<string, string> { ["Privacy__RetentionDays"] = "90", ["Privacy__EscalatedRetentionDays"] = "60" }, "purge", "--dry-run");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Privacy:EscalatedRetentionDays (60) must be at least Privacy:RetentionDays (90)", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();

    private Task<(int ExitCode, List<string> Lines, string Error)> RunAsync(params string[] args) => _database.RunAsync(null, args);

    // The count lines with their padding reduced to one space: "transcript_entries 2".
    private static string Squeezed(IEnumerable<string> lines) =>
        string.Join("\n", lines.Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    private List<string> Query(string sql) => _database.Query(sql);
}

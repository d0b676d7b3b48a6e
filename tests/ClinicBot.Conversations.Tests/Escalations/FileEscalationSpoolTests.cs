using System.Security.Cryptography;
using ClinicBot.Conversations.Escalations;
using ClinicBot.Prompts;
using ClinicBot.Storage.Privacy;
using ClinicBot.Storage.Spool;

namespace ClinicBot.Conversations.Tests.Escalations;

public sealed class FileEscalationSpoolTests : IDisposable
{
    private static readonly string OldKey = NewKey();
    private static readonly string CurrentKey = NewKey();

    private readonly string _folder = Directory.CreateTempSubdirectory("clinicbot-spool-").FullName;
    private readonly PatientTextCipher _cipher = PatientTextCipher.FromKeys(CurrentKey);

    private string SpoolPath => Path.Combine(_folder, FileEscalationSpool.FileName);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Spool_SurvivesANewInstance_AndForgetsOnlyWhatWasRemoved()
    {
        var first = Turn("sms:aaa", "I took all my pills");
        var second = Turn("webchat:b", "quiero hablar con alguien, no aguanto más");
        await Spool().AppendAsync(first, CancellationToken.None);
        await Spool().AppendAsync(second, CancellationToken.None);

        var reopened = Spool();
        Assert.Equal([first.Id, second.Id], (await reopened.PendingAsync(CancellationToken.None)).Select(t => t.Id));
        var read = (await reopened.PendingAsync(CancellationToken.None))[1];
        Assert.Equal(second.PatientText, read.PatientText);
        Assert.Equal(Channel.Web, read.Escalation.Channel);
        Assert.Equal(second.Escalation.CreatedAt, read.Escalation.CreatedAt);

        await reopened.RemoveAsync(first.Id, CancellationToken.None);
        Assert.Equal([second.Id], (await Spool().PendingAsync(CancellationToken.None)).Select(t => t.Id));
        await reopened.RemoveAsync(second.Id, CancellationToken.None);
        Assert.False(File.Exists(SpoolPath));
    }

    [Fact]
    public async Task Spool_File_HoldsNoneOfThePatientsWordsOrTheRepliesInClear()
    {
        var turn = Turn("sms:eee", "my name is Dana Whitfield, dob 03/14/1988, I swallowed the whole bottle of my sleeping pills");
        await Spool().AppendAsync(turn, CancellationToken.None);

        var file = await File.ReadAllTextAsync(SpoolPath);
        Assert.DoesNotContain("Whitfield", file, StringComparison.Ordinal);
        Assert.DoesNotContain("sleeping pills", file, StringComparison.Ordinal);
        Assert.DoesNotContain("Call or text", file, StringComparison.Ordinal);
        Assert.StartsWith(_cipher.CurrentPrefix, file, StringComparison.Ordinal);
        Assert.Equal(turn.PatientText, Assert.Single(await Spool().PendingAsync(CancellationToken.None)).PatientText);
    }

    [Fact]
    public async Task Spool_LineCutShortByACrash_IsSkipped_AndTheNextAppendIsReadWhole()
    {
        var whole = Turn("sms:ccc", "goodbye everyone");
        await Spool().AppendAsync(whole, CancellationToken.None);
        await File.AppendAllTextAsync(SpoolPath, _cipher.CurrentPrefix + "q83vEjRWeJ");
        var after = Turn("sms:ddd", "i cut deep and it wont stop bleeding");
        await Spool().AppendAsync(after, CancellationToken.None);

        var pending = await Spool().PendingAsync(CancellationToken.None);

        Assert.Equal([whole.Id, after.Id], pending.Select(t => t.Id));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SpoolPath));
    }

    [Fact]
    public async Task Spool_LineUnderAKeyNoLongerConfigured_IsKeptUntilTheKeyIsBack()
    {
        var underOldKey = Turn("webchat:f", "my brother is not breathing after his infusion");
        await new FileEscalationSpool(SpoolPath, PatientTextCipher.FromKeys(OldKey)).AppendAsync(underOldKey, CancellationToken.None);
        var current = Turn("sms:ggg", "i have the gun in my lap");
        await Spool().AppendAsync(current, CancellationToken.None);

        // The old key was dropped from the configuration: its line can't be read, and removing another must not lose it.
        Assert.Equal([current.Id], (await Spool().PendingAsync(CancellationToken.None)).Select(t => t.Id));
        await Spool().RemoveAsync(current.Id, CancellationToken.None);
        Assert.True(File.Exists(SpoolPath));

        var withOldKeyBack = new FileEscalationSpool(SpoolPath, PatientTextCipher.FromKeys(CurrentKey, OldKey));
        Assert.Equal(underOldKey.PatientText, Assert.Single(await withOldKeyBack.PendingAsync(CancellationToken.None)).PatientText);
    }

    [Fact]
    public async Task Spool_LineWrittenInClearBeforeEncryption_IsStillReplayed()
    {
        await File.WriteAllTextAsync(
            SpoolPath,
            """{"id":"legacy1","escalation":{"conversationId":"sms:h","channel":"Sms","priority":"urgent","reason":"crisis","triageReasons":[],"createdAt":"2026-11-30T10:00:00+00:00"},"patientText":"no quiero seguir viviendo","replyRoute":"crisis","replyText":"Llama al 988."}""" + "\n");

        var legacy = Assert.Single(await Spool().PendingAsync(CancellationToken.None));

        Assert.Equal("no quiero seguir viviendo", legacy.PatientText);
    }

    private FileEscalationSpool Spool() => new(SpoolPath, _cipher);

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static SpooledTurn Turn(string conversationId, string text) => new(
        Guid.NewGuid().ToString("N"),
        new NewEscalation(conversationId, conversationId.StartsWith("sms", StringComparison.Ordinal) ? Channel.Sms : Channel.Web, "urgent", "crisis", ["model.crisis:0.97", "turn.failed"], DateTimeOffset.UtcNow),
        text,
        "crisis",
        "Call or text 988. Emergency: 911.");
}

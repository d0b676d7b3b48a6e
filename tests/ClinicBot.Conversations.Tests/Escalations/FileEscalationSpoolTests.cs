using ClinicBot.Conversations.Escalations;
using ClinicBot.Prompts;
using ClinicBot.Storage.Spool;

namespace ClinicBot.Conversations.Tests.Escalations;

public sealed class FileEscalationSpoolTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinicbot-spool-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Spool_SurvivesANewInstance_AndForgetsOnlyWhatWasRemoved()
    {
        var path = Path.Combine(_folder, FileEscalationSpool.FileName);
        var first = Turn("sms:aaa", "I took all my pills");
        var second = Turn("webchat:b", "quiero hablar con alguien, no aguanto más");
        await new FileEscalationSpool(path).AppendAsync(first, CancellationToken.None);
        await new FileEscalationSpool(path).AppendAsync(second, CancellationToken.None);

        var reopened = new FileEscalationSpool(path);
        Assert.Equal([first.Id, second.Id], (await reopened.PendingAsync(CancellationToken.None)).Select(t => t.Id));
        var read = (await reopened.PendingAsync(CancellationToken.None))[1];
        Assert.Equal(second.PatientText, read.PatientText);
        Assert.Equal(Channel.Web, read.Escalation.Channel);
        Assert.Equal(second.Escalation.CreatedAt, read.Escalation.CreatedAt);

        await reopened.RemoveAsync(first.Id, CancellationToken.None);
        Assert.Equal([second.Id], (await new FileEscalationSpool(path).PendingAsync(CancellationToken.None)).Select(t => t.Id));
        await reopened.RemoveAsync(second.Id, CancellationToken.None);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Spool_LineCutShortByACrash_IsSkippedAndTheRestRead()
    {
        var path = Path.Combine(_folder, FileEscalationSpool.FileName);
        var whole = Turn("sms:ccc", "goodbye everyone");
        await new FileEscalationSpool(path).AppendAsync(whole, CancellationToken.None);
        await File.AppendAllTextAsync(path, "{\"id\":\"cut\",\"escalation\":{\"conversationId\":\"sms:d");

        var pending = await new FileEscalationSpool(path).PendingAsync(CancellationToken.None);

        Assert.Equal(whole.Id, Assert.Single(pending).Id);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    private static SpooledTurn Turn(string conversationId, string text) => new(
        Guid.NewGuid().ToString("N"),
        new NewEscalation(conversationId, conversationId.StartsWith("sms", StringComparison.Ordinal) ? Channel.Sms : Channel.Web, "urgent", "crisis", ["model.crisis:0.97", "turn.failed"], DateTimeOffset.UtcNow),
        text,
        "crisis",
        "Call or text 988. Emergency: 911.");
}

using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using ClinicBot.Staff.Retention;
using ClinicBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBot.Staff.Tests.Retention;

/// <summary>
/// The host's retention job over a real SQLite file, on a clock the test moves: it purges once an interval has passed,
/// and a purge the database refuses (another writer holds the file) is logged, without text, and done the next time.
/// </summary>
public sealed class RetentionJobTests : IDisposable
{
    private const string PatientText = "my name is Ana Ruiz, call me on +1 415 555 0199";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly EngineHost _host;

    public RetentionJobTests()
    {
        _host = new EngineHost(
            new Dictionary<string, string?> { ["Privacy:RetentionDays"] = "30", ["Privacy:PurgeInterval"] = "01:00:00" },
            services => services.AddSingleton<TimeProvider>(_clock).AddLogging(b => b.AddProvider(_logs)).AddRetentionJob());
    }

    [Fact]
    public async Task Job_IntervalPassesAfterTheConversationExpired_PurgesIt()
    {
        await AppendAsync("web-old");
        _clock.Advance(TimeSpan.FromDays(31));
        await AppendAsync("web-new");
        var job = _host.Get<RetentionJob>();

        await job.StartAsync(CancellationToken.None);
        try
        {
            _clock.Advance(TimeSpan.FromMinutes(59));
            Assert.Single(await TranscriptAsync("web-old"));
            _clock.Advance(TimeSpan.FromMinutes(1));
            // The job logs once its purge is done (deleted, compacted, audited).
            await WaitUntilAsync(() => Task.FromResult(_logs.Lines.Any(l => l.Contains("Retention purge deleted", StringComparison.Ordinal))));
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }

        Assert.Empty(await TranscriptAsync("web-old"));
        Assert.Single(await TranscriptAsync("web-new"));
        Assert.Contains(_logs.Lines, l => l.Contains("Retention purge deleted", StringComparison.Ordinal) && l.Contains("conversations=1", StringComparison.Ordinal));
        AssertNoPatientData();
    }

    [Fact]
    public async Task RunOnce_DatabaseHeldByAnotherWriter_LogsTheFailureThenPurgesNextTime()
    {
        await AppendAsync("web-old");
        _clock.Advance(TimeSpan.FromDays(31));
        var job = _host.Get<RetentionJob>();

        await using (await SqliteWriteLock.HoldAsync(Path.Combine(_host.DataDirectory, "clinicbot.db")))
        {
            Assert.False(await job.RunOnceAsync(CancellationToken.None));
        }

        Assert.Single(await TranscriptAsync("web-old"));
        Assert.Contains(_logs.Lines, l => l.Contains("Retention purge failed (SqliteException)", StringComparison.Ordinal));
        Assert.True(await job.RunOnceAsync(CancellationToken.None));
        Assert.Empty(await TranscriptAsync("web-old"));
        AssertNoPatientData();
    }

    private Task AppendAsync(string conversation) => _host.Get<IConversationStore>().AppendAsync(
        conversation, Channel.Web, new TranscriptEntry("user", PatientText, null, [], _clock.GetUtcNow()), CancellationToken.None);

    private Task<IReadOnlyList<TranscriptEntry>> TranscriptAsync(string conversation) =>
        _host.Get<IConversationStore>().TranscriptAsync(conversation, CancellationToken.None);

    private void AssertNoPatientData() => Assert.All(_logs.Lines, l =>
    {
        Assert.DoesNotContain("Ana Ruiz", l, StringComparison.Ordinal);
        Assert.DoesNotContain("555", l, StringComparison.Ordinal);
    });

    private async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the job did not purge in time: " + string.Join("\n", _logs.Lines));
            await Task.Delay(50);
        }
    }

    public void Dispose() => _host.Dispose();
}

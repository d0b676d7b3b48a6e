using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Queue;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IOutboxStore"/> does: only due, unsent notifications, oldest first; failures wait their backoff.</summary>
public abstract class NotificationOutboxContract(StorageBackend backend) : StorageContract(backend)
{
    [Fact]
    public async Task Due_AfterSentAndFailed_ReturnsOnlyWhatIsDueOldestFirst()
    {
        // Each test of the class runs at its own time, a year apart, so the class's other notifications are not due yet.
        var now = At.AddYears(10 + Random.Shared.Next(1000));
        var escalations = Get<IEscalationStore>();
        var outbox = Get<IOutboxStore>();
        var older = EscalationStoreContract.Escalation(NewId("older"), "urgent", now);
        var newer = EscalationStoreContract.Escalation(NewId("newer"), "normal", now.AddSeconds(5));
        var later = EscalationStoreContract.Escalation(NewId("later"), "normal", now.AddMinutes(5));
        foreach (var escalation in new[] { newer, older, later }) await escalations.InsertAsync(escalation, EscalationStoreContract.Notification(escalation), default);

        var due = await outbox.DueAsync(now.AddMinutes(1), 10, default);
        Assert.Equal([older.Id, newer.Id], due.Select(m => m.EscalationId));

        await outbox.MarkSentAsync(due[0].Id, now.AddMinutes(1), default);
        await outbox.MarkFailedAsync(due[1].Id, 1, now.AddMinutes(10), default);
        Assert.Empty(await outbox.DueAsync(now.AddMinutes(4), 10, default));
        Assert.Equal([later.Id], (await outbox.DueAsync(now.AddMinutes(6), 10, default)).Select(m => m.EscalationId));
        var retried = Assert.Single(await outbox.DueAsync(now.AddMinutes(11), 10, default), m => m.EscalationId == newer.Id);
        Assert.Equal(1, retried.Attempts);
    }
}

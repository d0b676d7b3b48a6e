using ClinicBot.Conversations.Delivery;
using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Queue;
using ClinicBot.Storage.Postgres;
using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage.Tests.Postgres;

/// <summary>
/// What only the shared database promises (SQLite serves one host): two hosts' dispatchers polling at the same moment
/// take each due row once (<c>FOR UPDATE SKIP LOCKED</c> and a lease), so one webhook goes per escalation and one
/// message per patient delivery; a row whose dispatcher died is due again once the lease runs out. Each test works on
/// an empty database of its own: rows another test left claimed would be due again here.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutboxDispatchTests(PostgresServer server)
    : StorageContract(new PostgresBackend(server, typeof(PostgresOutboxDispatchTests)))
{
    private const int Rows = 60;

    [Fact]
    public async Task NotificationDue_TwoHostsPollingAtOnce_EachNotificationToExactlyOne()
    {
        var database = Backend.NewDatabase();
        var now = At;
        var escalations = Enumerable.Range(0, Rows).Select(i => EscalationStoreContract.Escalation(NewId("esc"), "urgent", now.AddMilliseconds(i))).ToList();
        var hosts = new[] { NewHost(database), NewHost(database) };
        foreach (var escalation in escalations) await hosts[0].GetRequiredService<IEscalationStore>().InsertAsync(escalation, EscalationStoreContract.Notification(escalation), default);

        await AssertEachTakenOnceAsync(escalations.Select(e => e.Id), async host =>
            (await host.GetRequiredService<IOutboxStore>().DueAsync(now.AddMinutes(1), 3, default)).Select(m => m.EscalationId), hosts);
    }

    [Fact]
    public async Task PatientDue_TwoHostsPollingAtOnce_EachMessageToExactlyOne()
    {
        var database = Backend.NewDatabase();
        var now = At;
        var messages = Enumerable.Range(0, Rows).Select(i => new PendingDelivery(NewId("pending"), NewId("sms"), $"message {i}", 1, now.AddMilliseconds(i))).ToList();
        var hosts = new[] { NewHost(database), NewHost(database) };
        foreach (var message in messages) await hosts[0].GetRequiredService<IPatientOutbox>().EnqueueAsync(message, default);

        await AssertEachTakenOnceAsync(messages.Select(m => m.Id), async host =>
            (await host.GetRequiredService<IPatientOutbox>().DueAsync(now.AddMinutes(1), 3, default)).Select(m => m.Id), hosts);
    }

    [Fact]
    public async Task NotificationDue_ClaimedByADeadHost_DueAgainAfterTheLease()
    {
        var database = Backend.NewDatabase();
        var now = At;
        var escalation = EscalationStoreContract.Escalation(NewId("esc"), "urgent", now);
        await NewHost(database).GetRequiredService<IEscalationStore>().InsertAsync(escalation, EscalationStoreContract.Notification(escalation), default);

        Assert.Single(await NewHost(database).GetRequiredService<IOutboxStore>().DueAsync(now, 10, default), m => m.EscalationId == escalation.Id);

        var other = NewHost(database).GetRequiredService<IOutboxStore>();
        Assert.DoesNotContain(await other.DueAsync(now.AddSeconds(30), 10, default), m => m.EscalationId == escalation.Id);
        Assert.Single(await other.DueAsync(now + PostgresDueRows.Lease, 10, default), m => m.EscalationId == escalation.Id);
    }

    // Small batches, many polls from both hosts at once: the dispatchers interleave instead of one taking everything in
    // its first query; every row must be taken, none twice.
    private static async Task AssertEachTakenOnceAsync(IEnumerable<string> rows, Func<IServiceProvider, Task<IEnumerable<string>>> poll, IReadOnlyList<IServiceProvider> hosts)
    {
        var expected = rows.ToHashSet();
        var taken = (await RaceAsync(hosts, 40, (host, _) => poll(host))).SelectMany(batch => batch).Where(expected.Contains).ToList();

        Assert.Equal(taken.Distinct().Count(), taken.Count);
        Assert.Equal(expected.Count, taken.Count);
    }
}

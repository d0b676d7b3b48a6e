using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IEscalationStore"/> does: one row per id, the queue's order, one winner of a claim race.</summary>
public abstract class EscalationStoreContract(StorageBackend backend) : StorageContract(backend)
{
    [Fact]
    public async Task Insert_SameIdTwice_StoresItOnceWithOneNotification()
    {
        var store = Get<IEscalationStore>();
        var escalation = Escalation(NewId("esc"), "urgent", At);

        Assert.True(await store.InsertAsync(escalation, Notification(escalation), default));
        Assert.False(await NewHost().GetRequiredService<IEscalationStore>().InsertAsync(escalation, Notification(escalation), default));

        var stored = await store.GetAsync(escalation.Id, default);
        Assert.Equal(escalation, stored! with { TriageReasons = escalation.TriageReasons });
        Assert.Equal(escalation.TriageReasons, stored.TriageReasons);
        Assert.Single(await Get<IOutboxStore>().DueAsync(At.AddYears(1), 1000, default), m => m.EscalationId == escalation.Id);
    }

    [Fact]
    public async Task List_UrgentAndNormal_UrgentFirstThenOldestAndResolvedLeftOut()
    {
        var store = Get<IEscalationStore>();
        var conversation = NewId("conversation");
        var normalOld = Escalation(NewId("normal-old"), "normal", At, conversation);
        var urgentNew = Escalation(NewId("urgent-new"), "urgent", At.AddMinutes(2), conversation);
        var urgentOld = Escalation(NewId("urgent-old"), "urgent", At.AddMinutes(1), conversation);
        var resolved = Escalation(NewId("resolved"), "urgent", At, conversation);
        foreach (var escalation in new[] { normalOld, urgentNew, urgentOld, resolved }) await store.InsertAsync(escalation, null, default);
        await store.TransitionAsync(resolved.Id, EscalationStatus.Open, EscalationStatus.Resolved, "nurse", At.AddMinutes(3), default);

        var listed = (await store.ListAsync(new EscalationFilter(), default)).Where(e => e.ConversationId == conversation).Select(e => e.Id);
        var urgent = (await store.ListAsync(new EscalationFilter(Priority: "urgent", IncludeResolved: true), default)).Where(e => e.ConversationId == conversation).Select(e => e.Id);

        Assert.Equal([urgentOld.Id, urgentNew.Id, normalOld.Id], listed);
        Assert.Equal([urgentOld.Id, urgentNew.Id], urgent.Where(id => id != resolved.Id));
        Assert.Contains(resolved.Id, urgent);
        Assert.Equal(At.AddMinutes(3), (await store.GetAsync(resolved.Id, default))!.ResolvedAt);
    }

    [Fact]
    public async Task Transition_TenClaimsFromTwoHostsAtOnce_ExactlyOneWins()
    {
        var escalation = Escalation(NewId("esc"), "urgent", At);
        await Get<IEscalationStore>().InsertAsync(escalation, null, default);
        var hosts = new[] { NewHost(), NewHost() };

        var won = await RaceAsync(hosts, 10, (host, i) => host.GetRequiredService<IEscalationStore>()
            .TransitionAsync(escalation.Id, EscalationStatus.Open, EscalationStatus.Claimed, $"staff-{i}", At, default));

        var winner = Assert.Single(Enumerable.Range(0, 10), i => won[i]);
        var stored = await Get<IEscalationStore>().GetAsync(escalation.Id, default);
        Assert.Equal(EscalationStatus.Claimed, stored!.Status);
        Assert.Equal($"staff-{winner}", stored.Assignee);
    }

    internal static EscalationRecord Escalation(string id, string priority, DateTimeOffset createdAt, string? conversation = null) => new(
        id, conversation ?? NewId("conversation"), "web", "Web visitor 1a2b", priority, "crisis", ["crisis.suicidal_ideation.indirect", "model.crisis:0.93"],
        EscalationStatus.Open, null, createdAt, createdAt.AddMinutes(15), null);

    internal static OutboxMessage Notification(EscalationRecord escalation) =>
        new(NewId("notification"), escalation.Id, $"{{\"escalation\":\"{escalation.Id}\"}}", escalation.CreatedAt, 0, escalation.CreatedAt);
}

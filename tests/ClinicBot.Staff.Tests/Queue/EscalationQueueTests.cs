using ClinicBot.Conversations.Turns;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Queue;

namespace ClinicBot.Staff.Tests.Queue;

public sealed class EscalationQueueTests : IDisposable
{
    private readonly StaffHost _host = new();

    [Fact]
    public async Task Raise_CrisisMessage_PersistsUrgentEscalationDueInFiveMinutes()
    {
        await _host.SayAsync("c1", "I've been saving up my pills and I think tonight is the night.");

        var escalation = await _host.OnlyEscalationAsync("c1");
        Assert.Equal(("urgent", "crisis", EscalationStatus.Open), (escalation.Priority, escalation.Reason, escalation.Status));
        Assert.Equal(_host.Clock.GetUtcNow().AddMinutes(5), escalation.DueAt);
        Assert.StartsWith("web-", escalation.PatientDisplayId, StringComparison.Ordinal);
        Assert.DoesNotContain("c1", escalation.PatientDisplayId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_MixedPriorities_UrgentFirstThenOldest()
    {
        await _host.SayAsync("normal-old", "Can I talk to a real person please?");
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await _host.SayAsync("normal-new", "I need my treatment records sent to my new psychiatrist.");
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await _host.SayAsync("urgent", "I want to kill myself");

        var queue = await _host.Get<EscalationQueue>().ListAsync(new EscalationFilter(), CancellationToken.None);

        Assert.Equal(["urgent", "normal-old", "normal-new"], queue.Select(e => e.ConversationId));
    }

    [Fact]
    public async Task Claim_TwoStaffAtOnce_OnlyOneSucceeds()
    {
        await _host.SayAsync("race", "Can I talk to a real person please?");
        var id = (await _host.OnlyEscalationAsync("race")).Id;
        var queue = _host.Get<EscalationQueue>();

        var results = await Task.WhenAll(queue.ClaimAsync(id, "a@clinic.example", CancellationToken.None), queue.ClaimAsync(id, "b@clinic.example", CancellationToken.None));

        Assert.Single(results, claimed => claimed);
    }

    [Fact]
    public async Task ClaimThenResolve_Conversation_StaffHoldItThenBotAnswersAgain()
    {
        await _host.SayAsync("handoff", "Can I talk to a real person please?");
        var id = (await _host.OnlyEscalationAsync("handoff")).Id;
        var queue = _host.Get<EscalationQueue>();

        Assert.True(await queue.ClaimAsync(id, "nurse@clinic.example", CancellationToken.None));
        var whileHeld = await _host.SayAsync("handoff", "What are the common side effects?");
        Assert.True(await queue.ResolveAsync(id, "nurse@clinic.example", CancellationToken.None));
        var afterwards = await _host.SayAsync("handoff", "What are the common side effects?");

        Assert.Equal("", whileHeld.Text);
        Assert.Equal(Routes.Answer, afterwards.Route);
        Assert.Null((await _host.StateAsync("handoff")).HeldBy);
        var audit = await _host.Get<IAuditLog>().ForEscalationAsync(id, CancellationToken.None);
        Assert.Equal(["claimed", "resolved"], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task Handle_CrisisWhileStaffHoldConversation_StillGivesResourcesAndReAlerts()
    {
        await _host.SayAsync("held", "Can I talk to a real person please?");
        await _host.Get<EscalationQueue>().ClaimAsync((await _host.OnlyEscalationAsync("held")).Id, "nurse@clinic.example", CancellationToken.None);

        var reply = await _host.SayAsync("held", "honestly everyone would be better off without me");

        Assert.Equal(Routes.Crisis, reply.Route);
        Assert.Contains("988", reply.Text, StringComparison.Ordinal);
        var all = await _host.Get<IEscalationStore>().ListAsync(new EscalationFilter(), CancellationToken.None);
        Assert.Contains(all, e => e.ConversationId == "held" && e.Priority == "urgent");
    }

    [Fact]
    public async Task Resolve_NotClaimed_IsRefused()
    {
        await _host.SayAsync("unclaimed", "Can I talk to a real person please?");

        Assert.False(await _host.Get<EscalationQueue>().ResolveAsync((await _host.OnlyEscalationAsync("unclaimed")).Id, "x@clinic.example", CancellationToken.None));
    }

    public void Dispose() => _host.Dispose();
}

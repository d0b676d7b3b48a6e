using ClinicBot.Conversations.State;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Console;

namespace ClinicBot.Staff.Queue;

/// <summary>
/// What staff do with escalations: list, open (with the transcript), claim and resolve. Every action is audited;
/// claiming hands the conversation to the staff member and resolving hands it back to the bot.
/// </summary>
public sealed class EscalationQueue(IEscalationStore store, IConversationStore conversations, IAuditLog audit, QueueEvents events, TimeProvider time)
{
    /// <summary>The queue, urgent first, oldest first within a priority.</summary>
    public Task<IReadOnlyList<EscalationRecord>> ListAsync(EscalationFilter filter, CancellationToken cancellationToken) =>
        store.ListAsync(filter, cancellationToken);

    /// <summary>One escalation without its transcript (not audited: used to check state before acting).</summary>
    public Task<EscalationRecord?> GetAsync(string id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    /// <summary>One escalation with its conversation's transcript; the view is audited.</summary>
    public async Task<(EscalationRecord Escalation, IReadOnlyList<TranscriptEntry> Transcript)?> OpenAsync(string id, string staff, CancellationToken cancellationToken)
    {
        var escalation = await store.GetAsync(id, cancellationToken);
        if (escalation is null) return null;
        await audit.RecordAsync(new AuditEntry(staff, "viewed", id, time.GetUtcNow()), cancellationToken);
        return (escalation, await conversations.TranscriptAsync(escalation.ConversationId, cancellationToken));
    }

    /// <summary>Claims an open escalation; false if it is not open (someone else claimed it, or it is resolved).</summary>
    public async Task<bool> ClaimAsync(string id, string staff, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await store.TransitionAsync(id, EscalationStatus.Open, EscalationStatus.Claimed, staff, now, cancellationToken)) return false;
        var escalation = await store.GetAsync(id, cancellationToken);
        await conversations.SetHandlerAsync(escalation!.ConversationId, staff, cancellationToken);
        await audit.RecordAsync(new AuditEntry(staff, "claimed", id, now), cancellationToken);
        events.Publish(new QueueEvent("claimed", id, escalation.ConversationId));
        return true;
    }

    /// <summary>Resolves a claimed escalation and hands the conversation back to the bot; false if it was not claimed.</summary>
    public async Task<bool> ResolveAsync(string id, string staff, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await store.TransitionAsync(id, EscalationStatus.Claimed, EscalationStatus.Resolved, staff, now, cancellationToken)) return false;
        var escalation = await store.GetAsync(id, cancellationToken);
        await conversations.SetHandlerAsync(escalation!.ConversationId, null, cancellationToken);
        await audit.RecordAsync(new AuditEntry(staff, "resolved", id, now), cancellationToken);
        events.Publish(new QueueEvent("resolved", id, escalation.ConversationId));
        return true;
    }
}

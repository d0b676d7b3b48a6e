namespace ClinicBot.Conversations.Privacy;

/// <summary>What an erasure did.</summary>
/// <param name="Conversations">How many conversations of the patient were erased (their transcripts; one with an open escalation keeps its row, without text).</param>
/// <param name="Rows">How many rows were deleted, across every table.</param>
/// <param name="EscalationsKept">Open escalations kept, their patient name redacted.</param>
/// <param name="OptOutKept">Whether an SMS opt-out was kept.</param>
public sealed record ErasureReceipt(int Conversations, long Rows, int EscalationsKept, bool OptOutKept)
{
    /// <summary>The audit entry's text: what happened and the counts, never text or a number.</summary>
    public string AuditAction(string channel) =>
        $"{ErasureActors.Action} channel={channel} conversations={Conversations} rows={Rows} escalations_kept={EscalationsKept} opt_out_kept={(OptOutKept ? "yes" : "no")}";
}

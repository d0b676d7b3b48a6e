namespace ClinicBot.Conversations.Privacy;

/// <summary>
/// Erases a patient ("forget me"): every conversation of theirs on the channel of <see cref="ErasureRequest.ConversationId"/>
/// (SMS: every conversation of the same number; Web Chat: the Direct Line conversation; Bot Framework: the conversation),
/// with their transcripts, channel activities, references, stored names and queued messages. What must stay stays: an
/// SMS opt-out, an escalation still open (its patient name redacted, so staff see someone needed help), and one audit
/// entry with no text and no number. All of it in one transaction, audit included.
/// </summary>
public interface IPatientEraser
{
    /// <summary>Erases the patient of the conversation and records the audit entry; returns what went and what stayed.</summary>
    Task<ErasureReceipt> EraseAsync(ErasureRequest request, CancellationToken cancellationToken);
}

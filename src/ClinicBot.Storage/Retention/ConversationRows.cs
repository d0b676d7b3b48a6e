namespace ClinicBot.Storage.Retention;

/// <summary>
/// Every row tied to the conversations marked in the temporary table <c>purge_ids</c> (each id with
/// <see cref="ActivityKey"/>'s hash of it, as the ledger and inbox keep it), in one SQL both providers speak, in the
/// order they are deleted (children before the rows they name). The retention purge (<see cref="RetentionTargets"/>)
/// and "forget me" (<see cref="Erasure.PatientErasure"/>) delete the same rows; only what each keeps differs.
/// An escalation still open, its notification and its conversation's row never go here: retention does not expire such a
/// conversation, and an erasure keeps them (the escalation redacted, the conversation without its transcript) until
/// retention takes them once the escalation is resolved. An SMS number that opted out keeps its subscriber row: the opt-out is a legal record,
/// honoured if the number texts again.
/// </summary>
internal static class ConversationRows
{
    /// <summary>The Direct Line tables' conversation rows (a visitor id, the language, the start: no text).</summary>
    public const string DirectLineConversations = "directline_conversations";

    // Web Chat conversations are keyed directline:{id} in the pipeline and {id} in the Direct Line tables.
    private const string DirectLineIds = "SELECT substr(id, 12) FROM purge_ids WHERE id LIKE 'directline:%'";

    // A conversation keeps its row while an escalation of it is open (its state: crisis, who holds it, where to reach them).
    private const string OpenEscalation = "SELECT 1 FROM escalations o WHERE o.conversation_id = conversations.id AND o.status <> 'resolved'";

    private const string ResolvedEscalations = "SELECT e.id FROM escalations e WHERE e.conversation_id IN (SELECT id FROM purge_ids) AND e.status = 'resolved'";

    /// <summary>Each kind of row (its table) and the condition that ties it to a marked conversation.</summary>
    /// <param name="ledgerAlso">A condition that also takes ledger and inbox rows (retention: those naming no conversation), or null.</param>
    /// <param name="directLineAlso">A query of more Direct Line conversation ids whose rows and activities go too (retention: those whose conversation is gone), or null.</param>
    public static IReadOnlyList<(string Table, string Where)> Targets(string? ledgerAlso = null, string? directLineAlso = null)
    {
        var ledger = "conversation_hash IN (SELECT key_hash FROM purge_ids)" + (ledgerAlso is null ? "" : $" OR {ledgerAlso}");
        string DirectLine(string column) => $"{column} IN ({DirectLineIds})" + (directLineAlso is null ? "" : $" OR {column} IN ({directLineAlso})");
        return
        [
            ("transcript_entries", "conversation_id IN (SELECT id FROM purge_ids)"),
            ("directline_activities", DirectLine("conversation_id")),
            (DirectLineConversations, DirectLine("id")),
            ("bot_conversation_references", "conversation_key IN (SELECT id FROM purge_ids)"),
            ("bot_activity_ledger", ledger),
            ("bot_inbox", ledger),
            ("patient_outbox", "conversation_id IN (SELECT id FROM purge_ids)"),
            ("notification_outbox", $"escalation_id IN ({ResolvedEscalations})"),
            ("escalations", "conversation_id IN (SELECT id FROM purge_ids) AND status = 'resolved'"),
            ("sms_inbound", "phone_hash IN (SELECT s.phone_hash FROM sms_subscribers s WHERE s.conversation_id IN (SELECT id FROM purge_ids))"),
            ("sms_subscribers", "conversation_id IN (SELECT id FROM purge_ids) AND NOT opted_out"),
            (Staff.Retention.PurgeCounts.Conversations, $"id IN (SELECT id FROM purge_ids) AND NOT EXISTS ({OpenEscalation})"),
        ];
    }
}

namespace ClinicBot.Storage.Retention;

/// <summary>
/// Where both providers find expired conversations and every row of theirs, in one SQL both speak. A purge marks the
/// conversations in the temporary table <c>purge_ids</c>, then deletes each target's rows in <see cref="All"/>'s order
/// (<see cref="ConversationRows"/>, shared with "forget me"); a dry run counts the same rows. Ledger and inbox rows that name no conversation (written before schema
/// version 4, PostgreSQL 3) go once claimed before the escalated cutoff (parameter <c>@escalated</c>), the longest any row is kept.
/// </summary>
internal static class RetentionTargets
{
    /// <summary>Each kind of row (its table) and the condition that ties it to a marked conversation: <see cref="ConversationRows"/>, and ledger and inbox rows that name none.</summary>
    public static readonly IReadOnlyList<(string Table, string Where)> All = ConversationRows.Targets(Unowned, DirectLineWithoutConversation);

    // Ledger and inbox rows written before they named their conversation go once older than the longest limit.
    private const string Unowned = "(conversation_hash IS NULL AND claimed_at < @escalated)";

    // A Direct Line conversation whose conversation is gone ("forget me" keeps the row so the chat window that asked still
    // gets the confirmation; a chat opened and never written in has none) goes, with its activities, once older than the
    // longest limit.
    private const string DirectLineWithoutConversation =
        "SELECT d.id FROM directline_conversations d WHERE d.created_at < @escalated AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = 'directline:' || d.id)";

    /// <summary>
    /// The ids of expired conversations (parameters <c>@plain</c>, <c>@escalated</c>, <c>@limit</c>). The last activity is the
    /// latest of the conversation's start, transcript entries, escalations raised or resolved, Direct Line activities and
    /// SMS messages received; a conversation with an escalation not resolved is never expired. Conversations started
    /// after both cutoffs (most of a live database) are passed over before any of that is read.
    /// </summary>
    /// <param name="greatest">The provider's largest-of-several function (<c>max</c> in SQLite, <c>GREATEST</c> in PostgreSQL).</param>
    /// <param name="locking">What follows the query to lock the rows it picks (empty when the transaction already excludes writers).</param>
    public static string ExpiredSql(string greatest, string locking) => $"""
        SELECT c.id FROM conversations c
        WHERE (c.created_at < @plain OR c.created_at < @escalated)
          AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.conversation_id = c.id AND e.status <> 'resolved')
          AND {greatest}(
                c.created_at,
                COALESCE((SELECT max(t.at) FROM transcript_entries t WHERE t.conversation_id = c.id), c.created_at),
                COALESCE((SELECT max({greatest}(e.created_at, COALESCE(e.resolved_at, e.created_at))) FROM escalations e WHERE e.conversation_id = c.id), c.created_at),
                COALESCE((SELECT max(d.created_at) FROM directline_activities d WHERE c.id LIKE 'directline:%' AND d.conversation_id = substr(c.id, 12)), c.created_at),
                COALESCE((SELECT max(i.received_at) FROM sms_inbound i JOIN sms_subscribers s ON s.phone_hash = i.phone_hash WHERE s.conversation_id = c.id), c.created_at))
              < CASE WHEN EXISTS (SELECT 1 FROM escalations e WHERE e.conversation_id = c.id) THEN @escalated ELSE @plain END
        ORDER BY c.id LIMIT @limit{locking}
        """;
}

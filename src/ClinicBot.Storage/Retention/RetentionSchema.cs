namespace ClinicBot.Storage.Retention;

/// <summary>
/// The schema step retention needs, the same on both providers (SQLite's migration 3, PostgreSQL's 2): the activity ledger
/// and inbox keep the hash of their conversation's key (<c>conversation_hash</c>; rows written before have none);
/// escalations, the patient outbox, notifications and SMS messages are indexed by what ties them to a conversation, so a
/// purge finds a conversation's rows without reading whole tables.
/// </summary>
internal static class RetentionSchema
{
    public const string Description = "retention: ledger and inbox rows name their conversation; indexes by conversation";

    public const string Sql = """
        ALTER TABLE bot_activity_ledger ADD COLUMN conversation_hash text NULL;
        ALTER TABLE bot_inbox ADD COLUMN conversation_hash text NULL;
        CREATE INDEX bot_activity_ledger_conversation ON bot_activity_ledger (conversation_hash);
        CREATE INDEX bot_inbox_conversation ON bot_inbox (conversation_hash);
        CREATE INDEX escalations_conversation ON escalations (conversation_id);
        CREATE INDEX notification_outbox_escalation ON notification_outbox (escalation_id);
        CREATE INDEX patient_outbox_conversation ON patient_outbox (conversation_id);
        CREATE INDEX sms_inbound_phone ON sms_inbound (phone_hash);
        """;
}

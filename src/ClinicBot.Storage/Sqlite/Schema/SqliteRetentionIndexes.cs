using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Sqlite.Schema;

/// <summary>
/// Migration 3: what retention needs to find a conversation's rows without reading whole tables. The activity ledger and
/// inbox keep the hash of their conversation's key (<c>conversation_hash</c>; rows written before have none, and are
/// purged with no conversation); escalations, the patient outbox, notifications and SMS messages are indexed by what ties
/// them to a conversation.
/// </summary>
internal static class SqliteRetentionIndexes
{
    public static readonly SqliteMigration Migration = new(3, "retention: ledger and inbox rows name their conversation; indexes by conversation", Apply);

    private const string Sql = """
        ALTER TABLE bot_activity_ledger ADD COLUMN conversation_hash TEXT NULL;
        ALTER TABLE bot_inbox ADD COLUMN conversation_hash TEXT NULL;
        CREATE INDEX bot_activity_ledger_conversation ON bot_activity_ledger (conversation_hash);
        CREATE INDEX bot_inbox_conversation ON bot_inbox (conversation_hash);
        CREATE INDEX escalations_conversation ON escalations (conversation_id);
        CREATE INDEX notification_outbox_escalation ON notification_outbox (escalation_id);
        CREATE INDEX patient_outbox_conversation ON patient_outbox (conversation_id);
        CREATE INDEX sms_inbound_phone ON sms_inbound (phone_hash);
        """;

    private static void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}

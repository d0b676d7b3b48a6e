using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Sqlite.Schema;

/// <summary>
/// Migration 1: the schema as the stores created it, table by table, before versions existed. Every statement creates
/// only what is missing and the columns added after the first release are added only where absent, so a database made
/// by any earlier build reaches version 1 with its rows untouched.
/// </summary>
internal static class SqliteBaseline
{
    public static readonly SqliteMigration Migration = new(1, "baseline: the tables the stores created before versions", Apply);

    // Conversations, transcripts, escalations and their outbox, the patient outbox, staff accounts, the audit log.
    private const string Conversations = """
        CREATE TABLE IF NOT EXISTS conversations (
            id TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            crisis_since TEXT NULL,
            handler TEXT NULL,
            created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS transcript_entries (
            conversation_id TEXT NOT NULL REFERENCES conversations(id),
            seq INTEGER NOT NULL,
            author TEXT NOT NULL,
            text TEXT NOT NULL,
            route TEXT NULL,
            sources TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (conversation_id, seq));
        CREATE TABLE IF NOT EXISTS escalations (
            id TEXT PRIMARY KEY,
            conversation_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            patient_display_id TEXT NOT NULL,
            priority TEXT NOT NULL,
            reason TEXT NOT NULL,
            triage_reasons TEXT NOT NULL,
            status TEXT NOT NULL,
            assignee TEXT NULL,
            created_at TEXT NOT NULL,
            due_at TEXT NOT NULL,
            resolved_at TEXT NULL);
        CREATE INDEX IF NOT EXISTS escalations_queue ON escalations (status, priority, created_at);
        CREATE TABLE IF NOT EXISTS notification_outbox (
            id TEXT PRIMARY KEY,
            escalation_id TEXT NOT NULL REFERENCES escalations(id),
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at TEXT NOT NULL,
            sent_at TEXT NULL);
        CREATE INDEX IF NOT EXISTS notification_outbox_due ON notification_outbox (sent_at, next_attempt_at);
        CREATE TABLE IF NOT EXISTS patient_outbox (
            id TEXT PRIMARY KEY,
            conversation_id TEXT NOT NULL,
            text TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at TEXT NOT NULL,
            delivered_at TEXT NULL);
        CREATE INDEX IF NOT EXISTS patient_outbox_due ON patient_outbox (delivered_at, next_attempt_at);
        CREATE TABLE IF NOT EXISTS staff_accounts (
            email TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL,
            locked_until TEXT NULL);
        CREATE TABLE IF NOT EXISTS audit_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            escalation_id TEXT NULL,
            at TEXT NOT NULL);
        """;

    // The knowledge index (each host rebuilds its rows from the articles at start-up).
    private const string PassageIndex = """
        CREATE TABLE IF NOT EXISTS index_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts USING fts5(
            passage_key UNINDEXED, heading, body, tokenize = 'unicode61 remove_diacritics 0');
        CREATE TABLE IF NOT EXISTS sentence_vector (sentence_key TEXT PRIMARY KEY, vector BLOB NOT NULL);
        """;

    // SMS subscribers and the SMS inbox.
    private const string Sms = """
        CREATE TABLE IF NOT EXISTS sms_subscribers (
            phone_hash TEXT PRIMARY KEY,
            conversation_id TEXT NOT NULL UNIQUE,
            phone_encrypted TEXT NOT NULL,
            display TEXT NOT NULL,
            locale TEXT,
            opted_out INTEGER NOT NULL DEFAULT 0,
            opted_out_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS sms_inbound (
            message_sid TEXT PRIMARY KEY,
            phone_hash TEXT NOT NULL,
            received_at TEXT NOT NULL);
        """;

    // Bot Framework: the activity ledger, the activity inbox, conversation references; Direct Line; the readiness probe.
    private const string Channels = """
        CREATE TABLE IF NOT EXISTS bot_activity_ledger (key_hash TEXT PRIMARY KEY, claimed_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS bot_inbox (
            key_hash TEXT PRIMARY KEY, scope TEXT NOT NULL, activity_protected TEXT, claimed_at TEXT NOT NULL, finished_at TEXT);
        CREATE INDEX IF NOT EXISTS bot_inbox_unfinished ON bot_inbox (scope, claimed_at) WHERE finished_at IS NULL;
        CREATE TABLE IF NOT EXISTS bot_conversation_references (conversation_key TEXT PRIMARY KEY, reference TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS directline_conversations (
            id TEXT PRIMARY KEY, user_id TEXT NOT NULL, locale TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS directline_activities (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, activity_id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_directline_activities_conversation ON directline_activities (conversation_id, seq);
        CREATE TABLE IF NOT EXISTS health_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL);
        """;

    private static void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        Execute(connection, transaction, Conversations);
        if (!Columns(connection, transaction, "conversations").Contains("locale"))
        {
            Execute(connection, transaction, "ALTER TABLE conversations ADD COLUMN locale TEXT NULL");
        }

        Execute(connection, transaction, PassageIndex);
        Execute(connection, transaction, Sms);
        AddSmsInboxColumns(connection, transaction);
        Execute(connection, transaction, Channels);
    }

    // The inbox columns, added to a table made before them; the MessageSids already there were handled in full.
    private static void AddSmsInboxColumns(SqliteConnection connection, SqliteTransaction transaction)
    {
        var columns = Columns(connection, transaction, "sms_inbound");
        if (!columns.Contains("finished_at"))
        {
            Execute(connection, transaction, """
                ALTER TABLE sms_inbound ADD COLUMN from_encrypted TEXT;
                ALTER TABLE sms_inbound ADD COLUMN body_encrypted TEXT;
                ALTER TABLE sms_inbound ADD COLUMN finished_at TEXT;
                UPDATE sms_inbound SET finished_at = received_at;
                """);
        }

        if (!columns.Contains("reply_encrypted")) Execute(connection, transaction, "ALTER TABLE sms_inbound ADD COLUMN reply_encrypted TEXT");
    }

    private static HashSet<string> Columns(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        var columns = new HashSet<string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read()) columns.Add(reader.GetString(0));
        return columns;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

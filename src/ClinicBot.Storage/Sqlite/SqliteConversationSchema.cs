namespace ClinicBot.Storage.Sqlite;

/// <summary>The conversation and escalation tables, created on first use of a database file.</summary>
internal static class SqliteConversationSchema
{
    public const string Sql = """
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

    public static void Ensure(SqliteConnectionFactory connections)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();

        // Columns added after the first release, to files made before them.
        command.CommandText = "SELECT count(*) FROM pragma_table_info('conversations') WHERE name = 'locale'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = "ALTER TABLE conversations ADD COLUMN locale TEXT NULL";
            command.ExecuteNonQuery();
        }
    }
}

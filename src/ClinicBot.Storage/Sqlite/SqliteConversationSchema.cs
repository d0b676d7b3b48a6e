namespace ClinicBot.Storage.Sqlite;

/// <summary>The conversation and escalation tables, created on first use of a database file.</summary>
internal static class SqliteConversationSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS conversations (
            id TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            crisis_since TEXT NULL,
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
            priority TEXT NOT NULL,
            reason TEXT NOT NULL,
            triage_reasons TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS escalations_open ON escalations (status, priority, created_at);
        """;

    public static void Ensure(SqliteConnectionFactory connections)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}

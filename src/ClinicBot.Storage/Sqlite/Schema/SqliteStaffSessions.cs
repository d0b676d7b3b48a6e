using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Sqlite.Schema;

/// <summary>
/// Migration 3: revocable staff sessions and a sign-in backoff no one can turn against someone else. Each account gets a
/// security stamp (a random one for accounts made before, so cookies issued before this version are signed out once)
/// and <c>disabled_at</c>; the per-account lock (<c>failed_attempts</c>, <c>locked_until</c>) gives way to
/// <c>sign_in_failures</c>, counted per client address and per account from one address, under hashed keys.
/// </summary>
internal static class SqliteStaffSessions
{
    public static readonly SqliteMigration Migration = new(3, "staff sessions: security_stamp, disabled_at; sign_in_failures replaces the account lock", Apply);

    private const string Sql = """
        ALTER TABLE staff_accounts ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
        ALTER TABLE staff_accounts ADD COLUMN disabled_at TEXT NULL;
        UPDATE staff_accounts SET security_stamp = lower(hex(randomblob(16)));
        ALTER TABLE staff_accounts DROP COLUMN failed_attempts;
        ALTER TABLE staff_accounts DROP COLUMN locked_until;
        CREATE TABLE sign_in_failures (
            key_hash TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            last_failure_at TEXT NOT NULL);
        CREATE INDEX sign_in_failures_last ON sign_in_failures (last_failure_at);
        """;

    private static void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}

namespace ClinicBot.Storage.Postgres.Schema;

/// <summary>
/// Migration 2: revocable staff sessions and a sign-in backoff no one can turn against someone else. Each account gets a
/// security stamp (a random one for accounts made before, so cookies issued before this version are signed out once)
/// and <c>disabled_at</c>; the per-account lock (<c>failed_attempts</c>, <c>locked_until</c>) gives way to
/// <c>sign_in_failures</c>, counted per client address and per account from one address, under hashed keys.
/// </summary>
internal static class PostgresStaffSessions
{
    public static readonly PostgresMigration Migration = new(2, "staff sessions: security_stamp, disabled_at; sign_in_failures replaces the account lock", """
        ALTER TABLE staff_accounts ADD COLUMN security_stamp text NOT NULL DEFAULT '';
        ALTER TABLE staff_accounts ADD COLUMN disabled_at timestamptz NULL;
        UPDATE staff_accounts SET security_stamp = replace(gen_random_uuid()::text, '-', '');
        ALTER TABLE staff_accounts DROP COLUMN failed_attempts;
        ALTER TABLE staff_accounts DROP COLUMN locked_until;
        CREATE TABLE sign_in_failures (
            key_hash text PRIMARY KEY,
            failures integer NOT NULL,
            last_failure_at timestamptz NOT NULL);
        CREATE INDEX sign_in_failures_last ON sign_in_failures (last_failure_at);
        """);
}

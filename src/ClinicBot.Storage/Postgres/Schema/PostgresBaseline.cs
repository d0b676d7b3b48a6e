namespace ClinicBot.Storage.Postgres.Schema;

/// <summary>
/// Migration 1: every shared table, in the shape the SQLite schema reached at its version 2 (conversations keep their
/// channel address). What differs is what several hosts on one database need: times are <c>timestamptz</c>; a
/// conversation counts its transcript entries (<c>last_seq</c>), so the next number is taken by an UPDATE that locks the
/// row, not by reading the largest; dedupe is by primary keys and unique constraints. The knowledge index is not here:
/// each host keeps its own in its local SQLite file.
/// </summary>
internal static class PostgresBaseline
{
    public static readonly PostgresMigration Migration = new(1, "baseline: conversations, escalations, staff, SMS and Bot Framework tables", Sql);

    private const string Sql = """
        CREATE TABLE conversations (
            id text PRIMARY KEY,
            channel text NOT NULL,
            crisis_since timestamptz NULL,
            handler text NULL,
            locale text NULL,
            address_channel text NULL,
            address text NULL,
            last_seq bigint NOT NULL DEFAULT 0,
            created_at timestamptz NOT NULL);
        CREATE TABLE transcript_entries (
            conversation_id text NOT NULL REFERENCES conversations(id),
            seq bigint NOT NULL,
            author text NOT NULL,
            text text NOT NULL,
            route text NULL,
            sources text NOT NULL,
            at timestamptz NOT NULL,
            PRIMARY KEY (conversation_id, seq));
        CREATE TABLE escalations (
            id text PRIMARY KEY,
            conversation_id text NOT NULL,
            channel text NOT NULL,
            patient_display_id text NOT NULL,
            priority text NOT NULL,
            reason text NOT NULL,
            triage_reasons text NOT NULL,
            status text NOT NULL,
            assignee text NULL,
            created_at timestamptz NOT NULL,
            due_at timestamptz NOT NULL,
            resolved_at timestamptz NULL);
        CREATE INDEX escalations_queue ON escalations (status, priority, created_at);
        CREATE TABLE notification_outbox (
            id text PRIMARY KEY,
            escalation_id text NOT NULL REFERENCES escalations(id),
            body text NOT NULL,
            created_at timestamptz NOT NULL,
            attempts integer NOT NULL,
            next_attempt_at timestamptz NOT NULL,
            sent_at timestamptz NULL);
        CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE sent_at IS NULL;
        CREATE TABLE patient_outbox (
            id text PRIMARY KEY,
            conversation_id text NOT NULL,
            text text NOT NULL,
            attempts integer NOT NULL,
            next_attempt_at timestamptz NOT NULL,
            delivered_at timestamptz NULL);
        CREATE INDEX patient_outbox_due ON patient_outbox (next_attempt_at) WHERE delivered_at IS NULL;
        CREATE TABLE staff_accounts (
            email text PRIMARY KEY,
            name text NOT NULL,
            password_hash text NOT NULL,
            failed_attempts integer NOT NULL,
            locked_until timestamptz NULL);
        CREATE TABLE audit_log (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            actor text NOT NULL,
            action text NOT NULL,
            escalation_id text NULL,
            at timestamptz NOT NULL);
        CREATE INDEX audit_log_escalation ON audit_log (escalation_id, seq);
        CREATE TABLE sms_subscribers (
            phone_hash text PRIMARY KEY,
            conversation_id text NOT NULL UNIQUE,
            phone_encrypted text NOT NULL,
            display text NOT NULL,
            locale text NULL,
            opted_out boolean NOT NULL DEFAULT false,
            opted_out_at timestamptz NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL);
        CREATE TABLE sms_inbound (
            message_sid text PRIMARY KEY,
            phone_hash text NOT NULL,
            received_at timestamptz NOT NULL,
            from_encrypted text NULL,
            body_encrypted text NULL,
            reply_encrypted text NULL,
            finished_at timestamptz NULL);
        CREATE INDEX sms_inbound_unfinished ON sms_inbound (received_at) WHERE finished_at IS NULL;
        CREATE TABLE bot_activity_ledger (key_hash text PRIMARY KEY, claimed_at timestamptz NOT NULL);
        CREATE TABLE bot_inbox (
            key_hash text PRIMARY KEY, scope text NOT NULL, activity_protected text NULL, claimed_at timestamptz NOT NULL, finished_at timestamptz NULL);
        CREATE INDEX bot_inbox_unfinished ON bot_inbox (scope, claimed_at) WHERE finished_at IS NULL;
        CREATE TABLE bot_conversation_references (conversation_key text PRIMARY KEY, reference text NOT NULL);
        CREATE TABLE directline_conversations (
            id text PRIMARY KEY, user_id text NOT NULL, locale text NOT NULL, created_at timestamptz NOT NULL);
        CREATE TABLE directline_activities (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, conversation_id text NOT NULL, activity_id text NOT NULL UNIQUE,
            type text NOT NULL, json text NOT NULL, created_at timestamptz NOT NULL);
        CREATE INDEX directline_activities_conversation ON directline_activities (conversation_id, seq);
        CREATE TABLE health_probe (id integer PRIMARY KEY, at timestamptz NOT NULL);
        """;
}

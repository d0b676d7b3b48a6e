namespace ClinicBot.Storage.Postgres.Schema;

/// <summary>
/// Migration 4: the inboxes' leases (<c>bot_inbox</c>, <c>sms_inbound</c>): which host runs an unfinished row's turn
/// (<c>lease_owner</c>) and until when its claim holds unless renewed (<c>lease_until</c>). Rows written before have
/// neither, and count as expired: any host may take them over.
/// </summary>
internal static class PostgresInboxLeases
{
    public static readonly PostgresMigration Migration = new(4, "inbox leases: lease_owner, lease_until on bot_inbox and sms_inbound", """
        ALTER TABLE bot_inbox ADD COLUMN lease_owner text NULL;
        ALTER TABLE bot_inbox ADD COLUMN lease_until timestamptz NULL;
        ALTER TABLE sms_inbound ADD COLUMN lease_owner text NULL;
        ALTER TABLE sms_inbound ADD COLUMN lease_until timestamptz NULL;
        """);
}

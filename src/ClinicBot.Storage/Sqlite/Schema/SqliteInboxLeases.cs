using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Sqlite.Schema;

/// <summary>
/// Migration 5: the inboxes' leases (<c>bot_inbox</c>, <c>sms_inbound</c>): which host runs an unfinished row's turn
/// (<c>lease_owner</c>) and until when its claim holds unless renewed (<c>lease_until</c>). Rows written before have
/// neither, and count as expired: any host may take them over.
/// </summary>
internal static class SqliteInboxLeases
{
    public static readonly SqliteMigration Migration = new(5, "inbox leases: lease_owner, lease_until on bot_inbox and sms_inbound", Apply);

    private const string Sql = """
        ALTER TABLE bot_inbox ADD COLUMN lease_owner TEXT NULL;
        ALTER TABLE bot_inbox ADD COLUMN lease_until TEXT NULL;
        ALTER TABLE sms_inbound ADD COLUMN lease_owner TEXT NULL;
        ALTER TABLE sms_inbound ADD COLUMN lease_until TEXT NULL;
        """;

    private static void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}

using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Sqlite.Schema;

/// <summary>
/// Migration 2: each conversation keeps its channel address (<c>conversations.address_channel</c> and <c>address</c>), which
/// staff delivery reads instead of trying each channel. Conversations stored before get theirs from what the channels
/// kept, in the order delivery used to try them: a Bot Framework reference at an http(s) serviceUrl, then a Direct Line
/// conversation of this host, then an SMS subscriber (by the number's hash). One none of them knows stays without.
/// </summary>
internal static class SqliteChannelAddresses
{
    public static readonly SqliteMigration Migration = new(2, "conversations keep their channel address (address_channel, address)", Apply);

    private const string Sql = """
        ALTER TABLE conversations ADD COLUMN address_channel TEXT NULL;
        ALTER TABLE conversations ADD COLUMN address TEXT NULL;
        UPDATE conversations SET address_channel = 'botframework', address = id
        WHERE address IS NULL AND EXISTS (
            SELECT 1 FROM bot_conversation_references r
            WHERE r.conversation_key = conversations.id AND json_valid(r.reference) AND json_extract(r.reference, '$.serviceUrl') LIKE 'http%');
        UPDATE conversations SET address_channel = 'directline', address = substr(id, 12)
        WHERE address IS NULL AND id LIKE 'directline:%' AND EXISTS (SELECT 1 FROM directline_conversations d WHERE d.id = substr(conversations.id, 12));
        UPDATE conversations SET address_channel = 'sms', address = (SELECT s.phone_hash FROM sms_subscribers s WHERE s.conversation_id = conversations.id)
        WHERE address IS NULL AND id LIKE 'sms:%' AND EXISTS (SELECT 1 FROM sms_subscribers s WHERE s.conversation_id = conversations.id);
        """;

    private static void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}

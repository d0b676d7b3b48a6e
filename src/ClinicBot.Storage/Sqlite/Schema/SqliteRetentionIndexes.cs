using ClinicBot.Storage.Retention;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Sqlite.Schema;

/// <summary>Migration 3: what retention needs (<see cref="RetentionSchema"/>).</summary>
internal static class SqliteRetentionIndexes
{
    public static readonly SqliteMigration Migration = new(4, RetentionSchema.Description, (connection, transaction) =>
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = RetentionSchema.Sql;
        command.ExecuteNonQuery();
    });
}

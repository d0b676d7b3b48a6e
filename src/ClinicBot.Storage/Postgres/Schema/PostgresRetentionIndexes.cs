using ClinicBot.Storage.Retention;

namespace ClinicBot.Storage.Postgres.Schema;

/// <summary>Migration 2: what retention needs (<see cref="RetentionSchema"/>).</summary>
internal static class PostgresRetentionIndexes
{
    public static readonly PostgresMigration Migration = new(3, RetentionSchema.Description, RetentionSchema.Sql);
}

namespace ClinicBot.Storage.Postgres.Schema;

/// <summary>One numbered step of the PostgreSQL schema, applied once inside the transaction that records it.</summary>
/// <param name="Version">The schema version the step brings the database to (1, 2, ...).</param>
/// <param name="Description">What the step does, as <c>schema_version</c> records it.</param>
/// <param name="Sql">The statements (PostgreSQL's DDL is transactional: a failed step leaves nothing behind).</param>
internal sealed record PostgresMigration(int Version, string Description, string Sql);

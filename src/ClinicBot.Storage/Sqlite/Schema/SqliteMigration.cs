using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Sqlite.Schema;

/// <summary>One numbered step of the database schema, applied once inside the transaction that records it.</summary>
/// <param name="Version">The schema version the step brings the database to (1, 2, ...).</param>
/// <param name="Description">What the step does, as <c>schema_version</c> records it.</param>
/// <param name="Apply">Runs the step on the connection, inside the transaction.</param>
internal sealed record SqliteMigration(int Version, string Description, Action<SqliteConnection, SqliteTransaction> Apply);

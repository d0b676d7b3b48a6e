using ClinicBot.Storage.Tests.Contracts;

namespace ClinicBot.Storage.Tests.Sqlite;

public sealed class SqliteDataInventoryTests() : DataInventoryContract(new SqliteBackend())
{
    protected override bool HasSqliteOnlyTables => true;
}

using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDataInventoryTests(PostgresServer server) : DataInventoryContract(new PostgresBackend(server, typeof(PostgresDataInventoryTests)))
{
    protected override bool HasSqliteOnlyTables => false;
}

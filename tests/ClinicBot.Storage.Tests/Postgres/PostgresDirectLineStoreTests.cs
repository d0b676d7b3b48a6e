using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDirectLineStoreTests(PostgresServer server) : DirectLineStoreContract(new PostgresBackend(server, typeof(PostgresDirectLineStoreTests)));

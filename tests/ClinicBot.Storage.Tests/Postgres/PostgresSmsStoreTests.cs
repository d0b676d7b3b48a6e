using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSmsStoreTests(PostgresServer server) : SmsStoreContract(new PostgresBackend(server, typeof(PostgresSmsStoreTests)));

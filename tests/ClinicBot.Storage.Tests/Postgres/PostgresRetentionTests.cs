using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRetentionTests(PostgresServer server) : RetentionContract(new PostgresBackend(server, typeof(PostgresRetentionTests)));

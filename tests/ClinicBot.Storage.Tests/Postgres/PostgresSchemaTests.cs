using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServer server) : SchemaContract(new PostgresBackend(server, typeof(PostgresSchemaTests)));

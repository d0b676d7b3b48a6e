using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresEscalationStoreTests(PostgresServer server) : EscalationStoreContract(new PostgresBackend(server, typeof(PostgresEscalationStoreTests)));

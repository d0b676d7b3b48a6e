using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresActivityInboxTests(PostgresServer server) : ActivityInboxContract(new PostgresBackend(server, typeof(PostgresActivityInboxTests)));

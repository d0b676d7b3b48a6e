using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresInboxLeaseTests(PostgresServer server) : InboxLeaseContract(new PostgresBackend(server, typeof(PostgresInboxLeaseTests)));

using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditLogTests(PostgresServer server) : AuditLogContract(new PostgresBackend(server, typeof(PostgresAuditLogTests)));

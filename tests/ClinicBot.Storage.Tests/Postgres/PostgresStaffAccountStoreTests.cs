using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStaffAccountStoreTests(PostgresServer server) : StaffAccountStoreContract(new PostgresBackend(server, typeof(PostgresStaffAccountStoreTests)));

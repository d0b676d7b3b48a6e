using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPatientErasureTests(PostgresServer server) : PatientErasureContract(new PostgresBackend(server, typeof(PostgresPatientErasureTests)));

using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPatientOutboxTests(PostgresServer server) : PatientOutboxContract(new PostgresBackend(server, typeof(PostgresPatientOutboxTests)));

using ClinicBot.Storage.Tests.Contracts;
using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPatientTextRotationTests(PostgresServer server) : PatientTextRotationContract(new PostgresBackend(server, typeof(PostgresPatientTextRotationTests)));

using ClinicBot.Storage.Tests.Contracts;

namespace ClinicBot.Storage.Tests.Sqlite;

public sealed class SqlitePatientTextRotationTests() : PatientTextRotationContract(new SqliteBackend());

using ClinicBot.Storage.Tests.Contracts;

namespace ClinicBot.Storage.Tests.Sqlite;

public sealed class SqliteActivityInboxTests() : ActivityInboxContract(new SqliteBackend());
